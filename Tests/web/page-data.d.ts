// The JSON the page scripts read, as TypeScript types for the checker (`make test-web`: tsc --strict over
// Sources/RegioWebAssets/Web/*.js). Each type follows its definition in docs/schema: the field names, which
// fields may be absent (`?`) and the string enums. The browser never sees this file.

/** docs/schema/audit.schema.json#/$defs/severity */
type Severity = 'error' | 'warning' | 'info';

/** serve-state.schema.json#/$defs/mapFrame: map units of `unitMeters` EPSG:28992 metres, origin top left, y down. */
interface MapFrameJSON {
  unitMeters: number;
  originX: number;
  originY: number;
  width: number;
  height: number;
}

/** serve-state.schema.json#/$defs/mapRegion */
interface MapRegionJSON {
  id: string;
  name: string;
  /** "#rrggbb", derived from the region id (RegionPalette) */
  color: string;
  share?: number;
  techniekarm: boolean;
  status: 'error' | 'warning' | 'ok';
  errors: number;
  warnings: number;
  infos: number;
  schools: number;
  technicalSchools: number;
  budget?: number;
  /** km² */
  area: number;
  path: string;
  label?: [number, number];
  portrait: string;
}

/** serve-state.schema.json#/$defs/mapSchool */
interface MapSchoolJSON {
  code: string;
  name: string;
  town: string;
  kind: 'vmbo' | 'vso' | 'pro' | 'havo-vwo' | 'other';
  x: number;
  y: number;
  regions: string[];
  technical: boolean;
  approximate: boolean;
}

/** serve-state.schema.json#/$defs/mapPair */
interface MapPairJSON {
  schools: string[];
  regions: string[];
  /** x1, y1, x2, y2, map units */
  line: [number, number, number, number];
  severity: Severity;
  message: string;
}

/** serve-state.schema.json#/$defs/mapRing */
interface MapRingJSON {
  school: string;
  x: number;
  y: number;
  severity: Severity;
  rules: string[];
  regions: string[];
  messages: string[];
}

/** serve-state.schema.json#/$defs/mapOverlap */
interface MapOverlapJSON {
  regions: string[];
  path: string;
  areaSquareKilometers: number;
  message: string;
}

/** serve-state.schema.json#/$defs/mapData: the blob of `regio map` (script regio-map-data), and `map` of the serve state. */
interface MapDataJSON {
  title: string;
  /** the page's language: `en` or `nl` */
  language: string;
  colorBy: 'region' | 'share' | 'status';
  frame: MapFrameJSON;
  land: string;
  borders: string;
  regions: MapRegionJSON[];
  schools: MapSchoolJSON[];
  pairs: MapPairJSON[];
  rings: MapRingJSON[];
  overlaps: MapOverlapJSON[];
  techniekarmShareBelow: number;
  shareScaleMax: number;
  errors: number;
  warnings: number;
  infos: number;
  totals: string;
  methods: string[];
}

/** serve-state.schema.json#/$defs/background: the blob of the `regio serve` page (script regio-background). */
interface BackgroundJSON {
  title: string;
  /** the page's language: `en` or `nl` */
  language: string;
  frame: MapFrameJSON;
  land: string;
  borders: string;
  methods: string[];
}

/** audit.schema.json#/$defs/regionFigures (the fields the page reads; the others pass unread). */
interface RegionFiguresJSON {
  id: string;
  name: string;
  lead?: string;
  schools: string[];
  technicalSchools: string[];
  countedStudents: number;
  technicalStudents: number;
  technicalShare?: number;
  techniekarm: boolean;
  budgetEUR?: number;
  budgetRangeEUR?: [number, number];
}

/** audit.schema.json#/$defs/finding */
interface FindingJSON {
  rule: string;
  severity: Severity;
  regions: string[];
  schools: string[];
  message: string;
  value?: number;
  subjectRegion?: string;
}

/** scenario.schema.json#/$defs/edit: one of six objects. */
type EditJSON =
  | { move: string; to: string }
  | { merge: string[]; into: string }
  | { split: string; new: string; schools: string[] }
  | { add: string; to: string }
  | { remove: string; from: string }
  | { lead: string; of: string };

/** serve-state.schema.json#/$defs/regionSummary */
interface RegionSummaryJSON {
  figures: RegionFiguresJSON;
  base?: RegionFiguresJSON;
  errors: number;
  warnings: number;
  infos: number;
}

/** serve-state.schema.json#/$defs/totals */
interface TotalsJSON {
  regions: number;
  schools: number;
  countedStudents: number;
  technicalStudents: number;
  budgetEUR: number;
  techniekarmBudgetRangeEUR: [number, number];
  techniekarmRegions: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** docs/schema/serve-state.schema.json: GET /api/state and the answer of every change. */
interface ServeStateJSON {
  revision: number;
  scenarioName?: string;
  edits: EditJSON[];
  redoEdits: EditJSON[];
  editTexts: string[];
  redoTexts: string[];
  regions: RegionSummaryJSON[];
  removedRegions: RegionFiguresJSON[];
  findings: FindingJSON[];
  resolved: FindingJSON[];
  introduced: FindingJSON[];
  totals: TotalsJSON;
  baseTotals: TotalsJSON;
  techniekarmShareBelow: number;
  map: MapDataJSON;
  /** map units, from the map's frame to the background's */
  mapOffset: [number, number];
}

/** serve-state.schema.json#/$defs/savedScenario */
interface SavedScenarioJSON {
  id: number;
  name: string;
  /** ISO 8601, UTC */
  createdAt: string;
  edits: EditJSON[];
  file: string;
}

/** serve-state.schema.json#/$defs/scenarioList */
interface ScenarioListJSON { scenarios: SavedScenarioJSON[] }

/** serve-state.schema.json#/$defs/portrait */
interface PortraitJSON { id: string; html: string }

/** serve-state.schema.json#/$defs/apiError */
interface APIErrorJSON { error: string }
