/// JavaScript helpers shared by the pages regio writes (`regio map`) and serves (`regio serve`), inserted at
/// the top of each page's script function: the SVG namespace, element builders, number formats and the
/// darker shade of a region colour for its school dots.
public enum PageScript {
    public static let helpers = #"""
  var SVG_NS = 'http' + '://www.w3.org/2000/svg';  // the SVG namespace name, not a resource
  function node(name, attrs, parent) {
    var e = document.createElementNS(SVG_NS, name);
    for (var k in attrs) { if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function tag(name, className, text, parent) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function int(n) { return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function pct(share) { return share === null || share === undefined ? 'n/a' : (share * 100).toFixed(1) + ' %'; }
  function hexToRgb(h) { return [1, 3, 5].map(function (i) { return parseInt(h.substr(i, 2), 16); }); }
  // The region colour mixed with black: dots stand out on their own territory.
  function darker(h) { return 'rgb(' + hexToRgb(h).map(function (v) { return Math.round(v * 0.62); }).join(',') + ')'; }
"""#
}
