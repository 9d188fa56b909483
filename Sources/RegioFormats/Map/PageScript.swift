/// JavaScript shared by the pages regio writes (`regio map`) and serves (`regio serve`), inserted into each
/// page's script function: ``helpers`` at its top, ``panZoom`` where the page sets up its map view.
public enum PageScript {
    /// The SVG namespace, element builders, number formats and the darker shade of a region colour for
    /// its school dots.
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

    /// The map view: drag pans and the wheel and the `#zoom-in`, `#zoom-out` and `#zoom-reset` buttons zoom,
    /// by changing the SVG's viewBox (in map units, from 1.5 km to 3 times the whole map wide). It declares `view`, `home`, `frameBox`, `MIN_W`, `lastU`, `atHome` and the functions `viewport`,
    /// `applyView`, `toUser`, `zoomAt`, `zoomCentre`, `goHome` and `placeTip`. The page defines `svg`,
    /// `frame` and `tooltip` before it, and the functions it calls:
    /// - `fitted(box, pad)`: the view that shows `box` (map units) whole, `pad` pixels from the edges;
    /// - `unitsPerPixel()`: map units per screen pixel of the view;
    /// - `viewChanged(u, rescaled)`: after every change of the view, with `u` and whether it changed;
    /// - `showTip(e)`: the pointer moves over the map without dragging;
    /// - `clickOnMap(target, e)`: a press and release without a drag.
    public static let panZoom = #"""
  var frameBox = { x: 0, y: 0, w: frame.width, h: frame.height };
  var view = { x: 0, y: 0, w: frame.width, h: frame.height };
  var home = view;
  var MIN_W = 150;  // map units (1.5 km)
  var lastU = 0;
  var atHome = true;

  function viewport() {
    var box = svg.getBoundingClientRect();
    return { w: box.width || 1000, h: box.height || 700 };
  }
  function applyView() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map(function (v) { return Math.round(v * 100) / 100; }).join(' '));
    var u = unitsPerPixel();
    svg.style.setProperty('--u', u.toFixed(4));
    var rescaled = Math.abs(u - lastU) > 1e-9;
    if (rescaled) lastU = u;
    viewChanged(u, rescaled);
  }
  function toUser(clientX, clientY) {
    var p = svg.createSVGPoint(); p.x = clientX; p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoomAt(factor, ux, uy) {
    var w = Math.max(MIN_W, Math.min(home.w * 3, view.w / factor)), k = w / view.w;
    view = { x: ux - (ux - view.x) * k, y: uy - (uy - view.y) * k, w: w, h: view.h * k };
    atHome = false;
    applyView();
  }
  function zoomCentre(factor) { zoomAt(factor, view.x + view.w / 2, view.y + view.h / 2); }
  function goHome() { home = fitted(frameBox, 16); view = { x: home.x, y: home.y, w: home.w, h: home.h }; atHome = true; applyView(); }

  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var dy = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    var p = toUser(e.clientX, e.clientY);
    zoomAt(Math.exp(-dy * 0.0018), p.x, p.y);
  }, { passive: false });

  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    drag = { id: e.pointerId, cx: e.clientX, cy: e.clientY, vx: view.x, vy: view.y, u: unitsPerPixel(),
             moved: false, target: e.target };
  });
  svg.addEventListener('pointermove', function (e) {
    if (drag && e.pointerId === drag.id) {
      var dx = e.clientX - drag.cx, dy = e.clientY - drag.cy;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        svg.setPointerCapture(e.pointerId);
        svg.classList.add('dragging');
        tooltip.hidden = true;
      }
      if (drag.moved) { view.x = drag.vx - dx * drag.u; view.y = drag.vy - dy * drag.u; atHome = false; applyView(); }
      return;
    }
    showTip(e);
  });
  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) return;
    var d = drag; drag = null;
    svg.classList.remove('dragging');
    if (!d.moved && e.type === 'pointerup') clickOnMap(d.target, e);
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('pointerleave', function () { tooltip.hidden = true; });

  document.getElementById('zoom-in').addEventListener('click', function () { zoomCentre(1.6); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomCentre(1 / 1.6); });
  document.getElementById('zoom-reset').addEventListener('click', goHome);

  // Shows the tooltip (filled by the page) beside the pointer, inside `container`, where it is positioned.
  function placeTip(e, container) {
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = e.clientX - box.left + 14, y = e.clientY - box.top + 14;
    if (x + tooltip.offsetWidth > box.width - 6) x = e.clientX - box.left - tooltip.offsetWidth - 14;
    if (y + tooltip.offsetHeight > box.height - 6) y = e.clientY - box.top - tooltip.offsetHeight - 14;
    tooltip.style.left = Math.max(4, x) + 'px';
    tooltip.style.top = Math.max(4, y) + 'px';
  }
"""#
}
