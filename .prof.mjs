// .prof.ts
import Database2 from "better-sqlite3";
import fs10 from "node:fs";

// shared/api/contract.ts
import { z } from "zod";

// shared/domain.ts
var SERIES = ["baseline", "original_target", "realisation", "projection"];
var POLARITIES = ["lower", "higher", "neutral"];
var SCENARIO_STATUSES = ["draft", "usulan"];
var RATE_COUNT_PAIRS = [
  { rate: "P0", count: "JPM" },
  { rate: "P0E", count: "JPME" }
];
var POPULATION_CODE = "POP";
var COMPARISONS = ["lt", "le", "eq", "ge", "gt"];
var REFERENCE_KINDS = ["level", "annual_change"];
var SEVERITIES = ["error", "warning", "info"];

// shared/annex.ts
var ANNEX_LANGUAGES = ["id", "en"];
var ANNEX_PAPERS = ["A4", "F4"];
var ANNEX_SHEETS = ["Lampiran I", "Lampiran II", "Lampiran III", "Catatan Perubahan", "Sumber Data"];
var IMPORT_SERIES = ["realisation", "original_target", "baseline", "projection", "revised_target"];

// shared/changes.ts
var CHANGE_ACTIONS = {
  "scenario.create": { undo: { id: "buat skenario", en: "create scenario" }, log: { id: "Skenario dibuat", en: "Scenario created" }, scopes: ["scenarios", "targets", "justifications"] },
  "scenario.update": { undo: { id: "ubah skenario", en: "edit scenario" }, log: { id: "Skenario diubah", en: "Scenario edited" }, scopes: ["scenarios"] },
  "scenario.delete": { undo: { id: "hapus skenario", en: "delete scenario" }, log: { id: "Skenario dihapus", en: "Scenario deleted" }, scopes: ["scenarios", "targets", "justifications"] },
  "scenario.status": { undo: { id: "status skenario", en: "scenario status" }, log: { id: "Status skenario", en: "Scenario status" }, scopes: ["scenarios"] },
  "target.edit": { undo: { id: "ubah target", en: "edit target" }, log: { id: "Target diubah", en: "Target edited" }, scopes: ["targets"] },
  "target.paste": { undo: { id: "tempel target", en: "paste targets" }, log: { id: "Target ditempel", en: "Targets pasted" }, scopes: ["targets"] },
  "target.path": { undo: { id: "jalur target", en: "target path" }, log: { id: "Jalur target", en: "Target path" }, scopes: ["targets"] },
  "target.clear": { undo: { id: "hapus target", en: "clear target" }, log: { id: "Target dihapus", en: "Target cleared" }, scopes: ["targets"] },
  "justification.set": { undo: { id: "alasan perubahan", en: "justification" }, log: { id: "Alasan perubahan", en: "Justification" }, scopes: ["justifications"] },
  "reference.save": { undo: { id: "simpan acuan", en: "save reference" }, log: { id: "Acuan disimpan", en: "Reference saved" }, scopes: ["references"] },
  "reference.delete": { undo: { id: "hapus acuan", en: "delete reference" }, log: { id: "Acuan dihapus", en: "Reference deleted" }, scopes: ["references"] },
  "import.apply": { undo: { id: "impor", en: "import" }, log: { id: "Impor", en: "Import" }, scopes: ["values", "targets"] }
};
var TARGET_ACTIONS = ["target.edit", "target.paste", "target.path", "target.clear"];
var KIND_WORDS = {
  undo: { id: "diurungkan", en: "undone" },
  redo: { id: "diulang", en: "redone" }
};
var DERIVED_WORDS = { id: "turunan", en: "derived" };
function isChangeAction(value2) {
  return Object.prototype.hasOwnProperty.call(CHANGE_ACTIONS, value2);
}
function catchesUpByIndicator(action) {
  return CHANGE_ACTIONS[action].scopes.every((s2) => s2 === "targets" || s2 === "justifications");
}
function makesImportStale(action) {
  return CHANGE_ACTIONS[action].scopes.some((s2) => s2 === "values" || s2 === "targets" || s2 === "scenarios");
}
function describeEntryAction(e, lang) {
  const head = isChangeAction(e.action) ? CHANGE_ACTIONS[e.action].log[lang] : e.action;
  const marks = [];
  if (e.kind === "undo" || e.kind === "redo") marks.push(KIND_WORDS[e.kind][lang]);
  if (e.derived) marks.push(DERIVED_WORDS[lang]);
  return marks.length ? `${head} (${marks.join(", ")})` : head;
}
var STATUS_WORDS = { draft: { id: "draf", en: "draft" }, usulan: { id: "usulan", en: "proposal (usulan)" } };
function describeEntryDetail(e, lang) {
  const d = e.detail;
  if (d === null || d === "") return "";
  const en2 = lang === "en";
  switch (e.action) {
    case "justification.set": {
      const old = d.startsWith("was: ") ? d.slice(5) : d;
      return en2 ? `was: ${old}` : `semula: ${old}`;
    }
    case "scenario.create":
      if (d === "original") return en2 ? "from the original targets" : "dari target awal";
      if (d === "empty") return en2 ? "empty" : "kosong";
      if (d.startsWith("scenario:")) return en2 ? `from scenario "${d.slice(9)}"` : `dari skenario "${d.slice(9)}"`;
      return d;
    case "scenario.update":
      return en2 ? `was named "${d}"` : `nama semula "${d}"`;
    case "scenario.status": {
      const m = /^(\w+)→(\w+)$/.exec(d);
      if (!m) return d;
      const word = (s2) => STATUS_WORDS[s2]?.[lang] ?? s2;
      return `${word(m[1])} \u2192 ${word(m[2])}`;
    }
    case "scenario.delete": {
      try {
        const parsed = JSON.parse(d);
        const t = parsed.targets?.length ?? 0;
        const j = parsed.justifications?.length ?? 0;
        return en2 ? `${t} targets and ${j} justifications deleted with it` : `${t} target dan ${j} alasan ikut dihapus`;
      } catch {
        return d;
      }
    }
    default:
      return d;
  }
}

// shared/api/contract.ts
function method() {
  return (input) => ({ input, result: void 0 });
}
var none = z.object({}).strict();
var filePath = z.string().trim().min(1, "path is empty").max(4096, "path is too long");
var year = z.number().int().min(1945).max(2100);
var id = z.number().int().positive();
var scenarioName = z.string().trim().min(1, "name is empty").max(120);
var description = z.string().max(4e3);
var scenarioSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("original") }).strict(),
  z.object({ kind: z.literal("scenario"), scenarioId: id }).strict(),
  z.object({ kind: z.literal("empty") }).strict()
]);
var signer = z.object({
  place: z.string().trim().max(200).optional(),
  name: z.string().trim().max(200),
  title: z.string().trim().max(200),
  nip: z.string().trim().max(40)
}).strict();
var annexOptions = z.object({
  scenarioId: id.optional(),
  language: z.enum(ANNEX_LANGUAGES).optional(),
  paper: z.enum(ANNEX_PAPERS).optional(),
  signer: signer.optional(),
  /** Printed date, YYYY-MM-DD; default today. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD").optional()
});
var planInput = z.object({
  region: z.string().trim().min(1).max(200),
  province: z.string().trim().min(1).max(200),
  baselineYear: year,
  firstYear: year,
  lastYear: year
}).strict().refine((p) => p.baselineYear < p.firstYear, { message: "baselineYear must precede firstYear", path: ["baselineYear"] }).refine((p) => p.firstYear <= p.lastYear && p.lastYear - p.firstYear <= 25, {
  message: "lastYear must be within 25 years after firstYear",
  path: ["lastYear"]
});
var contract = {
  /** Name, version and which host serves the renderer. */
  "app.info": method()(none),
  /** The open workbook, or null when none is open. */
  "workbook.current": method()(none),
  /** Values of the open workbook, optionally limited to some series. */
  "workbook.values": method()(
    z.object({ series: z.array(z.enum(SERIES)).min(1).max(SERIES.length).optional() }).strict()
  ),
  /**
   * Opens an existing workbook file (refusing foreign, newer or damaged files untouched, and files
   * another process has open — code 'locked' — unless readOnly is asked for).
   */
  "workbook.open": method()(z.object({ path: filePath, readOnly: z.boolean().optional() }).strict()),
  /** Creates a new workbook with the standard indicator set and no values; refuses to overwrite. */
  "workbook.create": method()(z.object({ path: filePath, plan: planInput.optional() }).strict()),
  /** Copies the open workbook to a new file with SQLite's backup API and continues there. */
  "workbook.saveAs": method()(
    z.object({ path: filePath, overwrite: z.boolean().optional() }).strict()
  ),
  /**
   * Writes the local copy of a network or cloud workbook back over its original (backup API, then
   * a rename); when someone else changed the original meanwhile, ours goes beside it instead.
   */
  "workbook.saveBack": method()(none),
  /** Closes the workbook; a network or cloud workbook is saved back first (failing keeps it open). */
  "workbook.close": method()(none),
  /** Opens (creating on first use) the Muara Enim demo workbook in the user's data folder. */
  "workbook.openDemo": method()(none),
  "recent.list": method()(none),
  /** Creates a scenario from the original targets, another scenario (duplicate), or empty. */
  "scenario.create": method()(
    z.object({ name: scenarioName, description: description.optional(), from: scenarioSource }).strict()
  ),
  "scenario.update": method()(
    z.object({ scenarioId: id, name: scenarioName.optional(), description: description.optional() }).strict()
  ),
  /** Deletes a scenario; the change log keeps its targets and justifications. */
  "scenario.delete": method()(z.object({ scenarioId: id }).strict()),
  /** Marks a scenario usulan (the one proposal; any other usulan becomes draft) or draft. */
  "scenario.setStatus": method()(z.object({ scenarioId: id, status: z.enum(SCENARIO_STATUSES) }).strict()),
  "scenario.targets": method()(z.object({ scenarioId: id }).strict()),
  /**
   * Sets or clears revised targets: one transaction, one undo step, a change-log entry per cell.
   * One invalid cell refuses the whole call, naming it.
   */
  "targets.set": method()(
    z.object({
      scenarioId: id,
      action: z.enum(TARGET_ACTIONS),
      cells: z.array(z.object({ indicatorId: id, year, value: z.number().finite().nullable() }).strict()).min(1).max(1e5)
    }).strict()
  ),
  "justification.set": method()(
    z.object({ scenarioId: id, indicatorId: id, text: z.string().max(4e3) }).strict()
  ),
  "history.state": method()(none),
  /** Undoes the last write (kept in the workbook, so it survives a restart). */
  "history.undo": method()(none),
  "history.redo": method()(none),
  /** Runs every check on a scenario (fast: reruns after each change). */
  "checks.run": method()(z.object({ scenarioId: id }).strict()),
  "references.list": method()(none),
  /** Adds (without id) or updates a reference target; one undo step. */
  "references.save": method()(
    z.object({
      id: id.optional(),
      indicatorCode: z.string().trim().min(1).max(40),
      kind: z.enum(REFERENCE_KINDS),
      comparison: z.enum(COMPARISONS),
      year: year.nullable(),
      value: z.number().finite(),
      label: z.string().trim().min(1).max(200),
      source: z.string().trim().min(1, "a reference needs its source").max(2e3)
    }).strict().refine((r2) => r2.kind === "level" === (r2.year !== null), { message: "a level reference needs a year; an annual change has none", path: ["year"] })
  ),
  "references.delete": method()(z.object({ id }).strict()),
  "changelog.list": method()(
    z.object({ scenarioId: id.optional(), limit: z.number().int().min(1).max(1e4).optional() }).strict()
  ),
  /** The signer last used for the annex (kept in the user data folder, not the workbook). */
  "annex.signer.get": method()(none),
  "annex.signer.set": method()(signer),
  /**
   * Writes the annex .xlsx (default: the usulan scenario, Indonesian, A4, the remembered signer,
   * today's date). Refused with code 'blocked' while an error-level check fails.
   */
  "annex.export": method()(annexOptions.extend({ path: filePath, overwrite: z.boolean().optional() }).strict()),
  /** The same annex as base64, for a download in the browser host (a few dozen KB). */
  "annex.exportBytes": method()(annexOptions.strict()),
  /** The import template (.xlsx, base64): Kode | Indikator | Satuan | one column per plan year. */
  "import.template": method()(
    z.object({ language: z.enum(ANNEX_LANGUAGES).optional() }).strict()
  ),
  /**
   * Reads an .xlsx or .csv (a path, or an uploaded file as base64) into a preview of what would
   * change; writes nothing. The preview is kept until applied or replaced by the next one.
   */
  "import.preview": method()(
    z.object({
      source: z.union([
        z.object({ path: filePath }).strict(),
        z.object({ name: z.string().trim().min(1).max(255), base64: z.string().max(14e6) }).strict()
      ]),
      target: z.object({ series: z.enum(IMPORT_SERIES), scenarioId: id.optional() }).strict().refine((t) => t.series !== "revised_target" || t.scenarioId !== void 0, { message: "revised targets need a scenarioId", path: ["scenarioId"] }).optional()
    }).strict()
  ),
  /** Writes the kept preview: one transaction, one undo step, a change-log entry per cell. 'stale' when the workbook changed since. */
  "import.apply": method()(z.object({ previewId: z.string().regex(/^[0-9a-f]{16}$/, "not a preview id") }).strict())
};
var METHODS = Object.keys(contract);
function isMethod(name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(contract, name);
}

// shared/api/result.ts
var AppError = class extends Error {
  constructor(code, message, params, field) {
    super(message);
    this.code = code;
    this.params = params;
    this.field = field;
    this.name = "AppError";
  }
  code;
  params;
  field;
};
function failure(code, message, extra = {}) {
  return { ok: false, code, message, ...extra };
}

// shared/model/errors.ts
var ModelError = class extends Error {
  constructor(code, message, params) {
    super(message);
    this.code = code;
    this.params = params;
    this.name = "ModelError";
  }
  code;
  params;
};
function requireFinite(value2, name) {
  if (typeof value2 !== "number" || !Number.isFinite(value2)) {
    throw new ModelError("not_finite", `${name} must be a finite number, got ${String(value2)}`, { name });
  }
}

// shared/api/dispatch.ts
function createDispatch(handlers, onInternalError = () => {
}) {
  return async (method2, rawInput) => {
    if (!isMethod(method2)) return failure("unknown_method", `Unknown method "${String(method2).slice(0, 80)}"`);
    const parsed = contract[method2].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? issue.path.map(String).join(".") : "";
      const where = field ? `field "${field}"` : "input";
      return failure("bad_input", `Invalid ${where} for ${method2}: ${issue?.message ?? "invalid"}`, { field });
    }
    try {
      const handler = handlers[method2];
      const value2 = await handler(parsed.data);
      return { ok: true, value: value2 ?? null };
    } catch (err) {
      if (err instanceof AppError) {
        return failure(err.code, err.message, {
          ...err.field !== void 0 ? { field: err.field } : {},
          ...err.params !== void 0 ? { params: err.params } : {}
        });
      }
      if (err instanceof ModelError) {
        return failure("bad_input", err.message, err.params ? { params: { ...err.params, reason: err.code } } : { params: { reason: err.code } });
      }
      onInternalError(err);
      return failure("internal", err instanceof Error ? err.message : "Internal error");
    }
  };
}

// electron/workbook/editors/scenarios.ts
function requireUniqueName(wb, name, exceptId) {
  if (wb.reads.scenarios().some((s2) => s2.name === name && s2.id !== exceptId)) {
    throw new AppError("already_exists", `A scenario named "${name}" already exists`, { name }, "name");
  }
}
function createScenario(wb, actor, name, description2, from) {
  requireUniqueName(wb, name);
  const source = from.kind === "scenario" ? wb.reads.scenario(from.scenarioId) : null;
  const id3 = wb.edit(actor, "scenario.create", null, (tx) => {
    const id4 = tx.insert("scenario", { name, description: description2, status: "draft", created_at: (/* @__PURE__ */ new Date()).toISOString() });
    if (from.kind === "original") {
      const { firstYear, lastYear } = tx.plan;
      const rows = wb.values(["original_target"]).filter((v) => v.year >= firstYear && v.year <= lastYear);
      tx.setTargets(id4, rows.map((r2) => ({ indicatorId: r2.indicatorId, year: r2.year, value: r2.value, origin: "entered" })), { logCells: false });
    } else if (source) {
      const { targets, justifications } = wb.reads.targets(source.id);
      for (const j of justifications) tx.put("justification", { scenario_id: id4, indicator_id: j.indicatorId, text: j.text, updated_at: j.updatedAt });
      tx.setTargets(id4, targets.map((t) => ({ indicatorId: t.indicatorId, year: t.year, value: t.value, origin: t.origin })), { logCells: false });
    }
    tx.note({ scenarioId: id4, scenarioName: name, detail: source ? `scenario:${source.name}` : from.kind });
    return id4;
  });
  return wb.reads.scenario(id3);
}
function updateScenario(wb, actor, id3, changes) {
  const before = wb.reads.scenario(id3);
  if (changes.name !== void 0) requireUniqueName(wb, changes.name, id3);
  wb.edit(actor, "scenario.update", id3, (tx) => {
    tx.put("scenario", { id: id3, name: changes.name ?? before.name, description: changes.description ?? before.description });
    const renamed = changes.name !== void 0 && changes.name !== before.name;
    const described = changes.description !== void 0 && changes.description !== before.description;
    if (renamed || described) tx.note({ scenarioId: id3, scenarioName: changes.name ?? before.name, detail: renamed ? before.name : null });
  });
  return wb.reads.scenario(id3);
}
function deleteScenario(wb, actor, id3) {
  const s2 = wb.reads.scenario(id3);
  const { targets, justifications } = wb.reads.targets(id3);
  wb.edit(actor, "scenario.delete", id3, (tx) => {
    tx.setTargets(id3, targets.map((t) => ({ indicatorId: t.indicatorId, year: t.year, value: null })), { logCells: false });
    for (const j of justifications) tx.remove("justification", { scenario_id: id3, indicator_id: j.indicatorId });
    tx.remove("scenario", { id: id3 });
    tx.note({ scenarioId: id3, scenarioName: s2.name, detail: JSON.stringify({ description: s2.description, status: s2.status, targets, justifications }) });
  });
}
function setScenarioStatus(wb, actor, id3, status) {
  const s2 = wb.reads.scenario(id3);
  wb.edit(actor, "scenario.status", id3, (tx) => {
    if (status === "usulan") {
      for (const other of wb.reads.scenarios()) {
        if (other.id !== id3 && other.status === "usulan") {
          tx.put("scenario", { id: other.id, status: "draft" });
          tx.note({ scenarioId: other.id, scenarioName: other.name, detail: "usulan\u2192draft" });
        }
      }
    }
    tx.put("scenario", { id: id3, status });
    if (s2.status !== status) tx.note({ scenarioId: id3, scenarioName: s2.name, detail: `${s2.status}\u2192${status}` });
  });
  return wb.reads.scenarios();
}

// electron/workbook/editors/references.ts
function saveReference(wb, actor, ref) {
  wb.edit(actor, "reference.save", null, (tx) => {
    const row = {
      indicator_code: ref.indicatorCode,
      kind: ref.kind,
      comparison: ref.comparison,
      year: ref.kind === "level" ? ref.year : null,
      value: ref.value,
      label: ref.label,
      source: ref.source
    };
    if (ref.id === void 0) tx.insert("reference_target", row);
    else if (!tx.put("reference_target", { id: ref.id, ...row })) {
      throw new AppError("not_found", `Reference ${ref.id} does not exist`, { id: ref.id }, "id");
    }
    tx.note({ indicatorCode: ref.indicatorCode, detail: `${ref.label}: ${ref.kind} ${ref.comparison} ${ref.value}${ref.year ? ` (${ref.year})` : ""}` });
  });
}
function deleteReference(wb, actor, id3) {
  wb.edit(actor, "reference.delete", null, (tx) => {
    const before = tx.remove("reference_target", { id: id3 });
    if (!before) throw new AppError("not_found", `Reference ${id3} does not exist`, { id: id3 }, "id");
    tx.note({ indicatorCode: before.indicator_code, detail: JSON.stringify(before) });
  });
}

// shared/model/rounding.ts
var MAX_ROUND_DECIMALS = 15;
var POW10 = Array.from({ length: MAX_ROUND_DECIMALS + 1 }, (_, i) => Number(`1e${i}`));
function shiftDecimal(x, places) {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
function roundTo(value2, decimals) {
  requireFinite(value2, "value");
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_ROUND_DECIMALS) {
    throw new ModelError("invalid_argument", `decimals must be an integer from 0 to ${MAX_ROUND_DECIMALS}, got ${decimals}`, {
      name: "decimals",
      value: decimals
    });
  }
  if (Number.isInteger(value2)) return value2 === 0 ? 0 : value2;
  const scale = POW10[decimals];
  const shifted = Math.abs(value2) * scale;
  if (shifted < 4e15 && Math.abs(shifted - Math.floor(shifted) - 0.5) > shifted * 4e-15 + 1e-12) {
    const fast = Math.round(shifted) / scale;
    const signed = value2 < 0 ? -fast : fast;
    return signed === 0 ? 0 : signed;
  }
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value2), decimals)), -decimals);
  const rounded = value2 < 0 ? -magnitude : magnitude;
  return rounded === 0 ? 0 : rounded;
}

// shared/model/rate-count.ts
function checkPopulation(population) {
  requireFinite(population, "population");
  if (population <= 0) {
    throw new ModelError("invalid_population", `population must be above 0, got ${population}`, { value: population });
  }
}
function checkRate(rate) {
  requireFinite(rate, "rate");
  if (rate < 0 || rate > 100) {
    throw new ModelError("rate_out_of_range", `a rate must be between 0 and 100 %, got ${rate}`, { value: rate });
  }
}
function checkCount(count, population) {
  requireFinite(count, "count");
  if (count < 0 || count > population) {
    throw new ModelError("count_out_of_range", `a count must be between 0 and the population ${population}, got ${count}`, {
      value: count,
      population
    });
  }
}
function countFromRate(rate, population) {
  checkRate(rate);
  checkPopulation(population);
  return roundTo(rate / 100 * population, 0);
}
function rateFromCount(count, population) {
  checkPopulation(population);
  checkCount(count, population);
  return count / population * 100;
}
function isCountConsistent(rate, count, population, rateDecimals) {
  checkRate(rate);
  checkPopulation(population);
  checkCount(count, population);
  if (!Number.isInteger(rateDecimals) || rateDecimals < 0 || rateDecimals > 15) {
    throw new ModelError("invalid_argument", `rateDecimals must be an integer from 0 to 15, got ${rateDecimals}`, {
      name: "rateDecimals",
      value: rateDecimals
    });
  }
  const tolerance = 0.5 * Math.pow(10, -rateDecimals) / 100 * population + 0.5;
  return Math.abs(count - rate * population / 100) <= tolerance * (1 + 1e-9);
}

// electron/workbook/editors/targets.ts
var PAIR_CODES = /* @__PURE__ */ new Set([POPULATION_CODE, ...RATE_COUNT_PAIRS.flatMap((p) => [p.rate, p.count])]);
function setTargets(wb, actor, scenarioId, cells2, action) {
  wb.reads.scenario(scenarioId);
  wb.edit(actor, action, scenarioId, (tx) => {
    tx.setTargets(scenarioId, cells2);
    const touched = /* @__PURE__ */ new Set();
    for (const c of cells2) {
      const ind = tx.indicator(c.indicatorId);
      if (PAIR_CODES.has(ind.code)) touched.add(`${ind.code}:${c.year}`);
    }
    if (touched.size > 0) deriveRateCount(tx, wb.indicatorIndex().byCode, scenarioId, touched);
  });
  return wb.reads.targets(scenarioId);
}
function deriveRateCount(tx, byCode, scenarioId, touched) {
  const pop = byCode.get(POPULATION_CODE);
  if (!pop) return;
  const derived = [];
  for (const pair of RATE_COUNT_PAIRS) {
    const rate = byCode.get(pair.rate);
    const count = byCode.get(pair.count);
    if (!rate || !count) continue;
    for (let year2 = tx.plan.firstYear; year2 <= tx.plan.lastYear; year2++) {
      const rateTouched = touched.has(`${rate.code}:${year2}`);
      const countTouched = touched.has(`${count.code}:${year2}`);
      if (!rateTouched && !countTouched && !touched.has(`${pop.code}:${year2}`)) continue;
      if (rateTouched && countTouched) continue;
      const r2 = tx.currentTarget(scenarioId, rate.id, year2);
      const n = tx.currentTarget(scenarioId, count.id, year2);
      const countLeads = countTouched || !rateTouched && n?.origin === "entered" && r2?.origin !== "entered";
      const [from, fromCell, to, toCell] = countLeads ? [count, n, rate, r2] : [rate, r2, count, n];
      if (!fromCell) {
        if (toCell?.origin === "derived") derived.push({ indicatorId: to.id, year: year2, value: null });
        continue;
      }
      const population = tx.currentTarget(scenarioId, pop.id, year2)?.value;
      if (population === void 0 || population <= 0) continue;
      if (from === count && fromCell.value > population) continue;
      const value2 = from === count ? roundTo(rateFromCount(fromCell.value, population), rate.decimals) : countFromRate(fromCell.value, population);
      derived.push({ indicatorId: to.id, year: year2, value: value2, origin: "derived" });
    }
  }
  if (derived.length > 0) tx.setTargets(scenarioId, derived);
}
function setJustification(wb, actor, scenarioId, indicatorId, text) {
  const ind = wb.indicatorIndex().byId.get(indicatorId);
  if (!ind) throw new AppError("bad_input", `Indicator ${indicatorId} does not exist`, { indicatorId }, "indicatorId");
  const s2 = wb.reads.scenario(scenarioId);
  wb.edit(actor, "justification.set", scenarioId, (tx) => {
    const trimmed = text.trim();
    const before = trimmed ? tx.put("justification", { scenario_id: scenarioId, indicator_id: indicatorId, text: trimmed, updated_at: (/* @__PURE__ */ new Date()).toISOString() }) : tx.remove("justification", { scenario_id: scenarioId, indicator_id: indicatorId });
    const old = before?.text ?? "";
    if (old !== trimmed) tx.note({ scenarioId, scenarioName: s2.name, indicatorCode: ind.code, justification: trimmed, detail: old || null });
  });
  return wb.reads.targets(scenarioId);
}

// electron/services/annex.ts
import crypto2 from "node:crypto";
import fs2 from "node:fs";
import path2 from "node:path";
import { z as z2 } from "zod";

// electron/annex/apply.ts
function importSource(fileName, c) {
  return `Impor: ${fileName}, ${c.sheet}!${c.column}${c.row}`;
}
function applyImport(wb, actor, fileName, cells2) {
  if (cells2.length === 0) return { applied: 0, new: 0, changed: 0, undoLabel: null };
  const scenarioIds = new Set(cells2.map((c) => c.scenarioId));
  const stepScenario = scenarioIds.size === 1 ? [...scenarioIds][0] ?? null : null;
  const fresh = cells2.filter((c) => c.oldValue === null).length;
  wb.edit(actor, "import.apply", stepScenario, (tx) => {
    const values = [];
    const targets = /* @__PURE__ */ new Map();
    for (const c of cells2) {
      const where = c.footnote ? `${importSource(fileName, c)} (catatan kaki "${c.footnote}" dibuang)` : importSource(fileName, c);
      if (c.series === "revised_target") {
        let list = targets.get(c.scenarioId);
        if (!list) targets.set(c.scenarioId, list = []);
        list.push({ indicatorId: c.indicatorId, year: c.year, value: c.newValue, origin: "entered", where });
      } else {
        values.push({ indicatorId: c.indicatorId, year: c.year, series: c.series, value: c.newValue, source: importSource(fileName, c), illustrative: false, where });
      }
    }
    if (values.length) tx.setValues(values);
    for (const [scenarioId, list] of targets) tx.setTargets(scenarioId, list);
  });
  return { applied: cells2.length, new: fresh, changed: cells2.length - fresh, undoLabel: "import.apply" };
}

// electron/annex/export.ts
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

// shared/model/capaian.ts
var LOWER_FORMULAS = ["lower_a", "lower_b"];
var DEFAULT_LOWER_FORMULA = "lower_a";
function notComputable(reason) {
  return { kind: "not_computable", reason };
}
function value(percent, formula) {
  return { kind: "value", percent, formula };
}
function capaian(input) {
  const { polarity, target, realisation } = input;
  if (!POLARITIES.includes(polarity)) {
    throw new ModelError("invalid_argument", `unknown polarity ${String(polarity)}`, { name: "polarity" });
  }
  const formula = input.lowerFormula ?? DEFAULT_LOWER_FORMULA;
  if (!LOWER_FORMULAS.includes(formula)) {
    throw new ModelError("invalid_argument", `unknown lower-is-better formula ${String(formula)}`, { name: "lowerFormula" });
  }
  requireFinite(target, "target");
  requireFinite(realisation, "realisation");
  if (polarity === "neutral") return notComputable("neutral_polarity");
  if (target < 0) return notComputable("negative_value");
  if (polarity === "higher") {
    if (target === 0) return notComputable("zero_target");
    return value(realisation / target * 100, "higher");
  }
  if (realisation < 0) return notComputable("negative_value");
  if (target === 0) {
    const baseline = input.baseline;
    if (baseline === void 0 || baseline === null) return notComputable("zero_target_no_baseline");
    requireFinite(baseline, "baseline");
    if (baseline < 0) return notComputable("negative_value");
    if (baseline === target) return notComputable("baseline_equals_target");
    return value((baseline - realisation) / (baseline - target) * 100, "gap_closure");
  }
  if (formula === "lower_a") {
    if (realisation === 0) return notComputable("zero_realisation");
    return value(target / realisation * 100, "lower_a");
  }
  return value((2 - realisation / target) * 100, "lower_b");
}
function capaianBand(percent, decimals) {
  const p = decimals === void 0 ? percent : roundTo(percent, decimals);
  requireFinite(p, "percent");
  if (p >= 91) return "sangat_baik";
  if (p >= 81) return "baik";
  if (p >= 71) return "cukup";
  return "kurang";
}

// shared/format/number.ts
var NUMBER_LOCALE = "id-ID";
var MAX_DECIMALS = 6;
var formatters = /* @__PURE__ */ new Map();
function clampDecimals(decimals) {
  if (!Number.isFinite(decimals)) return 0;
  return Math.min(MAX_DECIMALS, Math.max(0, Math.trunc(decimals)));
}
function numberFormat(decimals) {
  const d = clampDecimals(decimals);
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE, {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      useGrouping: true,
      // Never show "-0" or "-0,00" for values that round to zero.
      signDisplay: "negative"
    });
    formatters.set(d, f);
  }
  return f;
}
function formatNumber(value2, decimals = 0) {
  if (value2 === null || value2 === void 0 || !Number.isFinite(value2)) return "";
  return numberFormat(decimals).format(value2);
}
function formatSignedNumber(value2, decimals = 0) {
  const text = formatNumber(value2, decimals);
  if (text === "" || text.startsWith("-") || /^[0.,]+$/.test(text)) return text;
  return `+${text}`;
}
var SPACES = /[ \u00a0\u202f\u2009\u2007]/;
var SPACES_ALL = /[ \u00a0\u202f\u2009\u2007]+/g;
var FOOTNOTE_TAIL = /[*†‡\u00b9\u00b2\u00b3\u2070-\u209f\u02b0-\u02ff\u1d2c-\u1dbf]+$/u;
var MINUS_SIGNS = /* @__PURE__ */ new Set(["-", "\u2212", "\u2012", "\u2013"]);
function fail(reason) {
  return { ok: false, reason };
}
function validGrouping(groups) {
  const [first = "", ...rest] = groups;
  return /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}
function parseNumber(text, options = {}) {
  let s2 = text.trim().replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, "");
  if (s2 === "") return fail("empty");
  let footnote;
  const mark = FOOTNOTE_TAIL.exec(s2);
  if (mark && mark.index > 0) {
    if (!options.allowFootnotes) return fail("footnote");
    footnote = mark[0];
    s2 = s2.slice(0, mark.index).replace(/[\s\u00a0\u202f]+$/, "");
  }
  if (s2.endsWith("%")) s2 = s2.slice(0, -1).replace(/[\s\u00a0\u202f]+$/, "");
  let negative = false;
  const sign = s2[0];
  if (sign === "+" || sign !== void 0 && MINUS_SIGNS.has(sign)) {
    negative = sign !== "+";
    s2 = s2.slice(1);
  }
  if (/[eE]/.test(s2) && /^[\d.,]*\d[eE][+\-\u2212]?\d+$/.test(s2)) return fail("exponent");
  if (s2 === "" || !/^[\d., \u00a0\u202f\u2009\u2007]+$/.test(s2) || !/\d/.test(s2)) return fail("not_a_number");
  if (SPACES.test(s2[0] ?? "") || SPACES.test(s2.at(-1) ?? "")) return fail("not_a_number");
  const commas = s2.split(",").length - 1;
  const dots = s2.split(".").length - 1;
  let integerPart;
  let fraction = "";
  let groupSep = null;
  if (commas > 0 && dots > 0) {
    const decimalSep = s2.lastIndexOf(",") > s2.lastIndexOf(".") ? "," : ".";
    groupSep = decimalSep === "," ? "." : ",";
    if ((decimalSep === "," ? commas : dots) !== 1) return fail("bad_separators");
    const at = s2.lastIndexOf(decimalSep);
    integerPart = s2.slice(0, at);
    fraction = s2.slice(at + 1);
    if (fraction.includes(groupSep)) return fail("bad_separators");
  } else if (commas > 0) {
    if (commas > 1) return fail("bad_separators");
    [integerPart = "", fraction = ""] = s2.split(",");
    if (fraction === "") return fail("not_a_number");
  } else if (dots > 0) {
    const parts = s2.split(".");
    const [head = "", ...tail] = parts;
    const headDigits = head.replace(SPACES_ALL, "");
    const thousands = tail.every((g) => /^\d{3}$/.test(g)) && /^[1-9]\d{0,2}$/.test(headDigits) && !SPACES.test(head);
    if (dots === 1 && !thousands) {
      integerPart = head;
      fraction = tail[0] ?? "";
      if (fraction === "") return fail("not_a_number");
    } else if (thousands) {
      groupSep = ".";
      integerPart = s2;
    } else {
      return fail("bad_grouping");
    }
  } else {
    integerPart = s2;
  }
  if (!/^\d*$/.test(fraction)) return fail(SPACES.test(fraction) ? "bad_grouping" : "bad_separators");
  let digits = integerPart;
  const hasSpaces = SPACES.test(integerPart);
  if (groupSep && hasSpaces) return fail("bad_grouping");
  const separator = groupSep ?? (hasSpaces ? "space" : null);
  if (separator) {
    const groups = separator === "space" ? integerPart.split(SPACES_ALL) : integerPart.split(separator);
    if (groups.some((g) => SPACES.test(g)) || !validGrouping(groups)) return fail("bad_grouping");
    digits = groups.join("");
  }
  if (!/^\d*$/.test(digits)) return fail("not_a_number");
  if (digits === "" && fraction === "") return fail("not_a_number");
  const value2 = Number(`${digits || "0"}.${fraction || "0"}`);
  if (!Number.isFinite(value2)) return fail("not_a_number");
  const signed = negative && value2 !== 0 ? -value2 : value2;
  return footnote === void 0 ? { ok: true, value: signed } : { ok: true, value: signed, footnote };
}

// shared/model/cell-rules.ts
function fitsDecimals(value2, decimals) {
  if (Number.isInteger(value2)) return true;
  if (decimals === 0) return false;
  const scale = 10 ** decimals;
  if (Math.round(value2 * scale) / scale === value2) return true;
  const [mantissa, exponent = "0"] = String(value2).split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return fraction.length - Number(exponent) <= decimals;
}
function checkCellValue(ind, value2) {
  if (typeof value2 !== "number" || !Number.isFinite(value2)) return "not_a_number";
  if (Math.abs(value2) > Number.MAX_SAFE_INTEGER) return "too_large";
  if (ind.minValue !== null && value2 < ind.minValue) return "below_min";
  if (ind.maxValue !== null && value2 > ind.maxValue) return "above_max";
  if (!fitsDecimals(value2, ind.decimals)) return "too_many_decimals";
  return null;
}
function checkCountWithinPopulation(count, population) {
  if (population === void 0) return null;
  return count > population ? "above_population" : null;
}

// shared/model/checks.ts
var cellKey = (indicatorId, year2) => indicatorId * 1e4 + year2;
var Context = class {
  constructor(input) {
    this.input = input;
    for (const i of input.indicators) this.byCode.set(i.code, i);
    const byIndicator = /* @__PURE__ */ new Map();
    for (const t of input.targets) {
      this.revisedMap.set(cellKey(t.indicatorId, t.year), t);
      const list = byIndicator.get(t.indicatorId);
      if (list) list.push(t);
      else byIndicator.set(t.indicatorId, [t]);
    }
    for (const [id3, list] of byIndicator) this.targetsOf.set(id3, list);
    for (const v of input.values) {
      let m = this.valueMaps.get(v.series);
      if (!m) this.valueMaps.set(v.series, m = /* @__PURE__ */ new Map());
      m.set(cellKey(v.indicatorId, v.year), v.value);
    }
    for (const j of input.justifications) if (j.text.trim()) this.justified.add(j.indicatorId);
    for (const s2 of input.shockYears) this.shock.add(s2.year);
    for (const r2 of input.references) {
      const list = this.referencesOf.get(r2.indicatorCode);
      if (list) list.push(r2);
      else this.referencesOf.set(r2.indicatorCode, [r2]);
    }
    for (let y = input.plan.firstYear; y <= input.plan.lastYear; y++) this.yearList.push(y);
  }
  input;
  byCode = /* @__PURE__ */ new Map();
  revisedMap = /* @__PURE__ */ new Map();
  targetsOf = /* @__PURE__ */ new Map();
  valueMaps = /* @__PURE__ */ new Map();
  justified = /* @__PURE__ */ new Set();
  shock = /* @__PURE__ */ new Set();
  referencesOf = /* @__PURE__ */ new Map();
  yearList = [];
  /** Replaces one indicator's revised targets and whether it has a justification. */
  replace(indicatorId, targets, justified) {
    for (const t of this.targetsOf.get(indicatorId) ?? []) this.revisedMap.delete(cellKey(t.indicatorId, t.year));
    for (const t of targets) this.revisedMap.set(cellKey(indicatorId, t.year), t);
    this.targetsOf.set(indicatorId, targets);
    if (justified) this.justified.add(indicatorId);
    else this.justified.delete(indicatorId);
  }
  years() {
    return this.yearList;
  }
  revisedCell(ind, year2) {
    return this.revisedMap.get(cellKey(ind.id, year2));
  }
  revised(ind, year2) {
    return this.revisedMap.get(cellKey(ind.id, year2))?.value;
  }
  value(ind, year2, series) {
    return this.valueMaps.get(series)?.get(cellKey(ind.id, year2));
  }
  original(ind, year2) {
    return this.value(ind, year2, "original_target");
  }
  /** The scenario's own population row, else the workbook's projection, else the realisation. */
  population(year2) {
    const pop = this.byCode.get(POPULATION_CODE);
    if (!pop) return void 0;
    return this.revised(pop, year2) ?? this.value(pop, year2, "projection") ?? this.value(pop, year2, "realisation");
  }
  /** The revised value of the year before, or the baseline before the first target year. */
  previous(ind, year2) {
    if (year2 - 1 === this.input.plan.baselineYear) return this.revised(ind, year2 - 1) ?? this.value(ind, year2 - 1, "baseline");
    return this.revised(ind, year2 - 1);
  }
  hasJustification(ind) {
    return this.justified.has(ind.id);
  }
};
var fmt = (ind, v) => formatNumber(v, ind.decimals);
var fmtDelta = (ind, v) => formatSignedNumber(v, ind.decimals);
function finding(check, ind, year2, id3, en2, series = "revised_target") {
  return { checkId: check.id, severity: check.severity, indicatorId: ind.id, indicatorCode: ind.code, year: year2, series, message: { id: id3, en: en2 } };
}
function isChanged(ind, revised, original) {
  if (original === void 0) return true;
  return roundTo(revised, ind.decimals) !== roundTo(original, ind.decimals);
}
function loosens(ind, revised, original) {
  if (ind.polarity === "lower") return revised > original;
  if (ind.polarity === "higher") return revised < original;
  return false;
}
function compare(value2, comparison, reference) {
  const eps = 1e-9;
  switch (comparison) {
    case "lt":
      return value2 < reference - eps;
    case "le":
      return value2 <= reference + eps;
    case "eq":
      return Math.abs(value2 - reference) <= eps;
    case "ge":
      return value2 >= reference - eps;
    case "gt":
      return value2 > reference + eps;
  }
}
var COMPARISON_TEXT = { lt: "<", le: "\u2264", eq: "=", ge: "\u2265", gt: ">" };
var CHECKS = [
  {
    id: "range",
    severity: "error",
    title: { id: "Nilai di luar rentang indikator", en: "Value outside the indicator range" },
    run(ctx, ind, out) {
      for (const year2 of ctx.years()) {
        const v = ctx.revised(ind, year2);
        if (v === void 0 || !checkCellValue(ind, v)) continue;
        const range = `${ind.minValue ?? "\u2212\u221E"}\u2013${ind.maxValue ?? "\u221E"} ${ind.unit}`;
        out.push(finding(this, ind, year2, `${ind.nameId} ${year2}: ${fmt(ind, v)} di luar rentang ${range}`, `${ind.nameEn} ${year2}: ${fmt(ind, v)} is outside ${range}`));
      }
    }
  },
  {
    id: "count_le_population",
    severity: "error",
    title: { id: "Jumlah penduduk miskin melebihi jumlah penduduk", en: "Count of poor above population" },
    run(ctx, ind, out) {
      if (!RATE_COUNT_PAIRS.some((pair) => pair.count === ind.code)) return;
      for (const year2 of ctx.years()) {
        const n = ctx.revised(ind, year2);
        const pop = ctx.population(year2);
        if (n === void 0 || pop === void 0 || n <= pop) continue;
        out.push(finding(this, ind, year2, `${ind.nameId} ${year2}: ${fmt(ind, n)} jiwa melebihi jumlah penduduk ${formatNumber(pop, 0)}`, `${ind.nameEn} ${year2}: ${fmt(ind, n)} people exceeds the population of ${formatNumber(pop, 0)}`));
      }
    }
  },
  {
    id: "extreme_le_poverty",
    severity: "error",
    title: { id: "Kemiskinan ekstrem melebihi kemiskinan", en: "Extreme poverty above poverty" },
    run(ctx, ext, out) {
      if (ext.code !== "P0E") return;
      const pov = ctx.byCode.get("P0");
      if (!pov) return;
      for (const year2 of ctx.years()) {
        const e = ctx.revised(ext, year2);
        const p = ctx.revised(pov, year2);
        if (e === void 0 || p === void 0 || e <= p) continue;
        out.push(finding(this, ext, year2, `${year2}: kemiskinan ekstrem ${fmt(ext, e)} % melebihi kemiskinan ${fmt(pov, p)} %`, `${year2}: extreme poverty ${fmt(ext, e)} % exceeds poverty ${fmt(pov, p)} %`));
      }
    }
  },
  {
    id: "p2_le_p1",
    severity: "warning",
    title: { id: "P2 melebihi P1", en: "P2 above P1" },
    run(ctx, p2, out) {
      if (p2.code !== "P2") return;
      const p1 = ctx.byCode.get("P1");
      if (!p1) return;
      for (const year2 of ctx.years()) {
        const a = ctx.revised(p1, year2);
        const b = ctx.revised(p2, year2);
        if (a === void 0 || b === void 0 || b <= a) continue;
        out.push(finding(this, p2, year2, `${year2}: indeks keparahan (P2) ${fmt(p2, b)} melebihi indeks kedalaman (P1) ${fmt(p1, a)}`, `${year2}: severity index (P2) ${fmt(p2, b)} exceeds gap index (P1) ${fmt(p1, a)}`));
      }
    }
  },
  {
    id: "count_rate_consistency",
    severity: "warning",
    title: { id: "Jumlah tidak sesuai persentase \xD7 penduduk", en: "Count inconsistent with rate \xD7 population" },
    run(ctx, count, out) {
      for (const pair of RATE_COUNT_PAIRS) {
        if (pair.count !== count.code) continue;
        const rate = ctx.byCode.get(pair.rate);
        if (!rate) continue;
        for (const year2 of ctx.years()) {
          const r2 = ctx.revised(rate, year2);
          const n = ctx.revised(count, year2);
          const pop = ctx.population(year2);
          if (r2 === void 0 || n === void 0 || pop === void 0) continue;
          let consistent;
          try {
            consistent = isCountConsistent(r2, n, pop, rate.decimals);
          } catch {
            continue;
          }
          if (consistent) continue;
          const expected = formatNumber(r2 / 100 * pop, 0);
          out.push(finding(this, count, year2, `${count.nameId} ${year2}: ${fmt(count, n)} tidak sesuai ${fmt(rate, r2)} % \xD7 ${formatNumber(pop, 0)} \u2248 ${expected}`, `${count.nameEn} ${year2}: ${fmt(count, n)} does not match ${fmt(rate, r2)} % \xD7 ${formatNumber(pop, 0)} \u2248 ${expected}`));
        }
      }
    }
  },
  {
    id: "justification_missing",
    severity: "error",
    title: { id: "Target diubah tanpa alasan perubahan", en: "Target changed without a justification" },
    run(ctx, ind, out) {
      if (ind.polarity === "neutral" || ctx.hasJustification(ind)) return;
      for (const year2 of ctx.years()) {
        const cell = ctx.revisedCell(ind, year2);
        if (!cell || cell.origin === "derived") continue;
        const orig = ctx.original(ind, year2);
        if (!isChanged(ind, cell.value, orig)) continue;
        const was = orig === void 0 ? "\u2013" : fmt(ind, orig);
        out.push(finding(this, ind, year2, `${ind.nameId} ${year2} diubah (${was} \u2192 ${fmt(ind, cell.value)}) tanpa alasan perubahan`, `${ind.nameEn} ${year2} changed (${was} \u2192 ${fmt(ind, cell.value)}) without a justification`, "justification"));
      }
    }
  },
  {
    id: "loosening",
    severity: "warning",
    title: { id: "Target dilonggarkan dari target awal", en: "Target loosened from the original" },
    run(ctx, ind, out) {
      for (const year2 of ctx.years()) {
        const v = ctx.revised(ind, year2);
        const orig = ctx.original(ind, year2);
        if (v === void 0 || orig === void 0 || !isChanged(ind, v, orig) || !loosens(ind, v, orig)) continue;
        const d = fmtDelta(ind, v - orig);
        out.push(finding(this, ind, year2, `${ind.nameId} ${year2} dilonggarkan ${d} ${ind.unit} (${fmt(ind, orig)} \u2192 ${fmt(ind, v)})`, `${ind.nameEn} ${year2} loosened by ${d} ${ind.unit} (${fmt(ind, orig)} \u2192 ${fmt(ind, v)})`));
      }
    }
  },
  {
    id: "reversal",
    severity: "info",
    title: { id: "Arah jalur target berbalik tanpa tahun guncangan", en: "Target path reverses without a shock year" },
    run(ctx, ind, out) {
      if (ind.polarity === "neutral") return;
      for (const year2 of ctx.years()) {
        const v = ctx.revised(ind, year2);
        const prev = ctx.previous(ind, year2);
        const prev2 = ctx.previous(ind, year2 - 1);
        if (v === void 0 || prev === void 0 || prev2 === void 0) continue;
        const d1 = roundTo(prev - prev2, ind.decimals);
        const d2 = roundTo(v - prev, ind.decimals);
        if (d1 === 0 || d2 === 0 || Math.sign(d1) === Math.sign(d2)) continue;
        if (ctx.shock.has(year2) || ctx.shock.has(year2 - 1)) continue;
        out.push(finding(this, ind, year2, `${ind.nameId}: arah jalur target berbalik pada ${year2} (${fmtDelta(ind, d1)} lalu ${fmtDelta(ind, d2)}) tanpa tahun guncangan`, `${ind.nameEn}: the target path reverses in ${year2} (${fmtDelta(ind, d1)} then ${fmtDelta(ind, d2)}) with no shock year`));
      }
    }
  },
  {
    id: "reference",
    severity: "warning",
    title: { id: "Tidak selaras dengan target acuan", en: "Not aligned with a reference target" },
    run(ctx, ind, out) {
      const { firstYear, lastYear } = ctx.input.plan;
      for (const ref of ctx.referencesOf.get(ind.code) ?? []) {
        const want = `${COMPARISON_TEXT[ref.comparison]} ${fmt(ind, ref.value)}`;
        if (ref.kind === "level") {
          if (ref.year === null || ref.year < firstYear || ref.year > lastYear) continue;
          const v = ctx.revised(ind, ref.year) ?? ctx.original(ind, ref.year);
          if (v === void 0 || compare(v, ref.comparison, ref.value)) continue;
          out.push(finding(this, ind, ref.year, `${ind.nameId} ${ref.year}: ${fmt(ind, v)}, acuan ${ref.label}: ${want} ${ind.unit}`, `${ind.nameEn} ${ref.year}: ${fmt(ind, v)}, reference ${ref.label}: ${want} ${ind.unit}`));
        } else {
          for (const year2 of ctx.years()) {
            if (ctx.shock.has(year2)) continue;
            const v = ctx.revised(ind, year2);
            const prev = ctx.previous(ind, year2);
            if (v === void 0 || prev === void 0) continue;
            const change = roundTo(v - prev, ind.decimals);
            if (compare(change, ref.comparison, ref.value)) continue;
            out.push(finding(this, ind, year2, `${ind.nameId} ${year2}: perubahan ${fmtDelta(ind, change)} per tahun, acuan ${ref.label}: ${want}`, `${ind.nameEn} ${year2}: change of ${fmtDelta(ind, change)} a year, reference ${ref.label}: ${want}`));
          }
        }
      }
    }
  }
];
var SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
function readersOf(code) {
  const readers = [];
  for (const pair of RATE_COUNT_PAIRS) {
    if (code === POPULATION_CODE || code === pair.rate) readers.push(pair.count);
  }
  if (code === "P0") readers.push("P0E");
  if (code === "P1") readers.push("P2");
  return readers;
}
function findingsAt(ctx, ind) {
  const out = [];
  for (const check of CHECKS) check.run(ctx, ind, out);
  if (out.length > 1) out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.year ?? 0) - (b.year ?? 0));
  return out;
}
var CheckState = class {
  ctx;
  at = /* @__PURE__ */ new Map();
  constructor(input) {
    this.ctx = new Context(input);
    for (const ind of input.indicators) this.at.set(ind.id, findingsAt(this.ctx, ind));
  }
  /** Replaces the targets and justification of some indicators, then recomputes their findings. */
  update(changes) {
    const byId = new Map(this.ctx.input.indicators.map((i) => [i.id, i]));
    const dirty = /* @__PURE__ */ new Set();
    for (const c of changes) {
      const ind = byId.get(c.indicatorId);
      if (!ind) continue;
      this.ctx.replace(c.indicatorId, c.targets, !!c.justification?.trim());
      dirty.add(ind);
      for (const code of readersOf(ind.code)) {
        const reader = this.ctx.byCode.get(code);
        if (reader) dirty.add(reader);
      }
    }
    for (const ind of dirty) this.at.set(ind.id, findingsAt(this.ctx, ind));
  }
  /** Sorted by severity, then indicator order, then year — as runChecks. */
  findings() {
    const out = [];
    for (const severity of SEVERITIES) {
      for (const ind of this.ctx.input.indicators) {
        for (const f of this.at.get(ind.id) ?? []) if (f.severity === severity) out.push(f);
      }
    }
    return out;
  }
};
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function checkCatalogue() {
  return CHECKS.map(({ id: id3, severity, title }) => ({ id: id3, severity, title }));
}

// electron/annex/labels.ts
var id2 = {
  docTitle: "Rancangan Perubahan RPJMD",
  sheet1Title: "Indikator Makro dan Kemiskinan",
  sheet2Title: "Realisasi dan Capaian",
  sheet3Title: "Pemeriksaan",
  sheet4Title: "Catatan Perubahan",
  sheet5Title: "Sumber Data",
  lampiran: (n) => `Lampiran ${n}`,
  planPeriod: (region, province, first, last) => `${region}, Provinsi ${province} \u2014 RPJMD ${first}\u2013${last}`,
  scenario: "Skenario",
  status: { usulan: "usulan", draft: "draf" },
  date: "Tanggal",
  no: "No",
  indicator: "Indikator",
  unit: "Satuan",
  baseline: "Kondisi Awal",
  finalCondition: "Kondisi Akhir",
  original: "Semula",
  revised: "Menjadi",
  justification: "Alasan Perubahan",
  groups: { makro: "Indikator Makro", kemiskinan: "Indikator Kemiskinan" },
  legendChanged: "Sel berwarna: target yang diubah (Menjadi berbeda dari Semula).",
  year: "Tahun",
  realisation: "Realisasi",
  capaian: "Capaian (%)",
  band: "Status",
  formula: "Rumus Capaian",
  source: "Sumber",
  originalTarget: "Target Semula",
  revisedTarget: "Target Menjadi",
  noRealisation: "Belum ada data realisasi",
  formulas: {
    higher: "Realisasi \xF7 Target \xD7 100% (makin tinggi makin baik)",
    lower_a: "Target \xF7 Realisasi \xD7 100% (makin rendah makin baik, praktik SIPD)",
    lower_b: "(2 \u2212 Realisasi \xF7 Target) \xD7 100% (makin rendah makin baik, PermenPANRB)",
    gap_closure: "(Kondisi awal \u2212 Realisasi) \xF7 (Kondisi awal \u2212 Target) \xD7 100% (target 0)"
  },
  notComputable: {
    neutral_polarity: "Tidak dihitung: indikator tanpa arah (netral)",
    zero_target_no_baseline: "Tidak dihitung: target 0 tanpa kondisi awal",
    baseline_equals_target: "Tidak dihitung: kondisi awal sama dengan target",
    zero_target: "Tidak dihitung: target 0",
    zero_realisation: "Tidak dihitung: realisasi 0",
    negative_value: "Tidak dihitung: nilai negatif"
  },
  bands: { sangat_baik: "Sangat baik", baik: "Baik", cukup: "Cukup", kurang: "Kurang" },
  severity: { error: "Galat", warning: "Peringatan", info: "Info" },
  check: "Pemeriksaan",
  finding: "Uraian",
  findingsSummary: (c) => `Temuan saat ekspor: ${c.error} galat, ${c.warning} peringatan, ${c.info} info (semua ditampilkan).`,
  noFindings: "Tidak ada temuan.",
  at: "Waktu (UTC)",
  user: "Pengguna",
  action: "Tindakan",
  oldValue: "Semula",
  newValue: "Menjadi",
  detail: "Keterangan",
  noChanges: "Belum ada perubahan tercatat.",
  series: {
    baseline: "Kondisi awal",
    original_target: "Target awal (RPJMD)",
    realisation: "Realisasi",
    projection: "Proyeksi",
    revised_target: "Target perubahan"
  },
  seriesHeader: "Seri",
  value: "Nilai",
  note: "Catatan",
  illustrative: "ilustrasi",
  page: "Halaman",
  of: "dari",
  nip: "NIP.",
  months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  template: {
    sheet: "Impor",
    code: "Kode",
    help: [
      "Isi angka per tahun pada kolom tahun; kosongkan sel yang tidak diketahui.",
      "Angka boleh ditulis 12,32 atau 12.32; tanda catatan kaki BPS (12,32*) dibuang dan dicatat.",
      "Indikator dikenali dari Kode atau nama (huruf besar/kecil dan aksen diabaikan).",
      "Saat impor, pilih seri tujuan: realisasi, target awal, kondisi awal, proyeksi, atau target perubahan sebuah skenario."
    ]
  }
};
var en = {
  docTitle: "Draft Revision of the RPJMD",
  sheet1Title: "Macro and Poverty Indicators",
  sheet2Title: "Realisations and Achievement",
  sheet3Title: "Checks",
  sheet4Title: "Change Log",
  sheet5Title: "Data Sources",
  lampiran: (n) => `Annex ${n}`,
  planPeriod: (region, province, first, last) => `${region}, ${province} Province \u2014 RPJMD ${first}\u2013${last}`,
  scenario: "Scenario",
  status: { usulan: "proposal", draft: "draft" },
  date: "Date",
  no: "No",
  indicator: "Indicator",
  unit: "Unit",
  baseline: "Baseline",
  finalCondition: "Final Condition",
  original: "Original",
  revised: "Revised",
  justification: "Justification",
  groups: { makro: "Macro Indicators", kemiskinan: "Poverty Indicators" },
  legendChanged: "Shaded cells: changed targets (Revised differs from Original).",
  year: "Year",
  realisation: "Realisation",
  capaian: "Achievement (%)",
  band: "Status",
  formula: "Achievement Formula",
  source: "Source",
  originalTarget: "Original Target",
  revisedTarget: "Revised Target",
  noRealisation: "No realisation data yet",
  formulas: {
    higher: "Realisation \xF7 Target \xD7 100% (higher is better)",
    lower_a: "Target \xF7 Realisation \xD7 100% (lower is better, SIPD practice)",
    lower_b: "(2 \u2212 Realisation \xF7 Target) \xD7 100% (lower is better, PermenPANRB)",
    gap_closure: "(Baseline \u2212 Realisation) \xF7 (Baseline \u2212 Target) \xD7 100% (target 0)"
  },
  notComputable: {
    neutral_polarity: "Not computed: neutral indicator",
    zero_target_no_baseline: "Not computed: target 0 without a baseline",
    baseline_equals_target: "Not computed: baseline equals the target",
    zero_target: "Not computed: target 0",
    zero_realisation: "Not computed: realisation 0",
    negative_value: "Not computed: negative value"
  },
  bands: { sangat_baik: "Very good", baik: "Good", cukup: "Fair", kurang: "Poor" },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  check: "Check",
  finding: "Finding",
  findingsSummary: (c) => `Findings at export: ${c.error} errors, ${c.warning} warnings, ${c.info} info (all shown).`,
  noFindings: "No findings.",
  at: "Time (UTC)",
  user: "User",
  action: "Action",
  oldValue: "Old",
  newValue: "New",
  detail: "Detail",
  noChanges: "No changes recorded yet.",
  series: {
    baseline: "Baseline",
    original_target: "Original target (RPJMD)",
    realisation: "Realisation",
    projection: "Projection",
    revised_target: "Revised target"
  },
  seriesHeader: "Series",
  value: "Value",
  note: "Note",
  illustrative: "ilustrasi (illustrative)",
  page: "Page",
  of: "of",
  nip: "NIP.",
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  template: {
    sheet: "Import",
    code: "Code",
    help: [
      "Enter one number per year in the year columns; leave unknown cells empty.",
      "Numbers may be written 12,32 or 12.32; BPS footnote marks (12,32*) are stripped and noted.",
      "Indicators are recognised by Code or name (case and accents ignored).",
      "When importing, choose the target series: realisation, original target, baseline, projection, or a scenario's revised target."
    ]
  }
};
var LABELS = { id: id2, en };
var HEADER_WORDS = {
  indicator: [id2.indicator, en.indicator, "Nama Indikator", "Indicator Name", "Aspek/Fokus/Indikator"],
  unit: [id2.unit, en.unit, "Unit", "Satuan"],
  code: [id2.template.code, en.template.code],
  baseline: [id2.baseline, en.baseline],
  original: [id2.original, en.original],
  revised: [id2.revised, en.revised],
  realisation: [id2.realisation, en.realisation],
  year: [id2.year, en.year]
};
function longDate(isoDate, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = LABELS[lang].months[Number(m[2]) - 1] ?? m[2];
  return `${Number(m[3])} ${month} ${m[1]}`;
}

// electron/annex/sheet-style.ts
var FONT = "Arial";
var COLORS = {
  header: "FFD9D9D9",
  group: "FFF2F2F2",
  /** Changed targets: light yellow, still readable when printed in grey. */
  changed: "FFFFE699",
  error: "FFF4CCCC",
  warning: "FFFFF2CC"
};
var thin = { style: "thin", color: { argb: "FF000000" } };
var BORDER_ALL = { top: thin, left: thin, bottom: thin, right: thin };
function solid(argb) {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}
var PAPER_SIZE = { A4: 9, F4: 14 };
function numFmt(decimals, lang) {
  const d = Math.min(6, Math.max(0, Math.trunc(decimals)));
  const cache = NUM_FMTS[lang === "id" ? 0 : 1];
  let f = cache[d];
  if (f === void 0) {
    const base = d > 0 ? `#,##0.${"0".repeat(d)}` : "#,##0";
    cache[d] = f = lang === "id" ? `[$-421]${base}` : base;
  }
  return f;
}
var NUM_FMTS = [[], []];
function hfText(text) {
  return text.replace(/&/g, "&&");
}
function columnLetter(n) {
  let s2 = "";
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s2 = String.fromCharCode(65 + m) + s2;
    x = Math.floor((x - 1) / 26);
  }
  return s2;
}
var sharedStyles = /* @__PURE__ */ new Map();
var shared = /* @__PURE__ */ new WeakSet();
var withBorders = /* @__PURE__ */ new WeakMap();
function share(style) {
  shared.add(style);
  return style;
}
var BORDER_ONLY = share({ border: BORDER_ALL });
var H_CODES = { left: 1, center: 2, right: 3, fill: 4, justify: 5, centerContinuous: 6, distributed: 7 };
var V_CODES = { top: 1, middle: 2, bottom: 3, distributed: 4, justify: 5 };
var styleIndex = /* @__PURE__ */ new Map();
function styleOf(style) {
  const h = style.h === void 0 ? 0 : H_CODES[style.h];
  const v = style.v === void 0 ? 0 : V_CODES[style.v];
  const size = style.size ?? 9;
  if (h === void 0 || v === void 0 || !Number.isInteger(size) || size < 0 || size > 400) return styleByText(style);
  const code = (style.bold ? 1 : 0) | (style.italic ? 2 : 0) | (style.underline ? 4 : 0) | (style.border ? 8 : 0) | (style.wrap ? 16 : 0) | h << 5 | v << 8 | size << 11;
  let byFmt = styleIndex.get(code);
  if (!byFmt) styleIndex.set(code, byFmt = /* @__PURE__ */ new Map());
  const fmt2 = style.numFmt ?? "";
  let byFill = byFmt.get(fmt2);
  if (!byFill) byFmt.set(fmt2, byFill = /* @__PURE__ */ new Map());
  const fill = style.fill ?? "";
  let s2 = byFill.get(fill);
  if (!s2) byFill.set(fill, s2 = styleByText(style));
  return s2;
}
function styleByText(style) {
  const key = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}|${style.size ?? 9}|${style.numFmt ?? ""}|${style.fill ?? ""}|${style.border ? 1 : 0}|${style.h ?? ""}|${style.v ?? ""}|${style.wrap ? 1 : 0}`;
  let s2 = sharedStyles.get(key);
  if (!s2) {
    s2 = {};
    applyStyle(s2, style);
    sharedStyles.set(key, share(s2));
  }
  return s2;
}
function applyStyle(target, style) {
  target.font = {
    name: FONT,
    size: style.size ?? 9,
    ...style.bold ? { bold: true } : {},
    ...style.italic ? { italic: true } : {},
    ...style.underline ? { underline: true } : {}
  };
  if (style.numFmt) target.numFmt = style.numFmt;
  if (style.fill) target.fill = solid(style.fill);
  if (style.border) target.border = BORDER_ALL;
  target.alignment = { vertical: style.v ?? "middle", horizontal: style.h ?? "left", wrapText: style.wrap ?? false };
}
var isBlank = (style) => {
  for (const _ in style) return false;
  return true;
};
function put(ws, row, col, value2, style = {}) {
  const cell = ws.getCell(row, col);
  cell.value = value2;
  if (!cell.isMerged && isBlank(cell.style)) {
    cell.style = styleOf(style);
  } else {
    if (shared.has(cell.style)) cell.style = { ...cell.style };
    applyStyle(cell.style, style);
  }
  return cell;
}
function boxAll(ws, top, left, bottom, right) {
  for (let r2 = top; r2 <= bottom; r2++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r2, c);
      const style = cell.style;
      if (shared.has(style)) {
        let bordered = withBorders.get(style);
        if (!bordered) withBorders.set(style, bordered = share({ ...style, border: BORDER_ALL }));
        cell.style = bordered;
      } else if (!cell.isMerged && isBlank(style)) {
        cell.style = BORDER_ONLY;
      } else {
        cell.border = BORDER_ALL;
      }
    }
  }
}
function mergeRange(ws, top, left, bottom, right) {
  const sheet = ws;
  const merges = sheet._merges;
  if (!merges || typeof merges !== "object" || Array.isArray(merges)) {
    ws.mergeCells(top, left, bottom, right);
    return;
  }
  sheet._merges = {};
  try {
    ws.mergeCells(top, left, bottom, right);
    Object.assign(merges, sheet._merges);
  } finally {
    sheet._merges = merges;
  }
}
function titleRow(ws, row, lastCol, text, size = 11, bold = true) {
  mergeRange(ws, row, 1, row, lastCol);
  put(ws, row, 1, text, { bold, size, h: "center" });
  ws.getRow(row).height = size >= 11 ? 16 : 13;
}
function fitRowHeight(ws, row, texts, minLines = 1) {
  let lines = minLines;
  for (const t of texts) {
    const perLine = Math.max(4, Math.floor(t.width * 1.15));
    const n = t.text.includes("\n") ? t.text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0) : Math.max(1, Math.ceil(t.text.length / perLine));
    lines = Math.max(lines, n);
  }
  ws.getRow(row).height = Math.max(13, lines * 11.5 + 2);
}
function printSetup(ws, p) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_SIZE[p.paper],
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    printArea: `A1:${columnLetter(p.lastCol)}${p.lastRow}`,
    printTitlesRow: `${p.headerRows[0]}:${p.headerRows[1]}`
  };
  ws.headerFooter = {
    oddFooter: `&L&8${hfText(p.footerLeft)}&C&8${hfText(p.pageWord)} &P ${hfText(p.ofWord)} &N`
  };
  ws.views = [{ state: "frozen", xSplit: p.freezeCols, ySplit: p.headerRows[1], topLeftCell: `${columnLetter(p.freezeCols + 1)}${p.headerRows[1] + 1}`, activeCell: "A1" }];
}

// electron/annex/export.ts
function resolveScenario(wb, scenarioId) {
  if (scenarioId !== void 0) return wb.reads.scenario(scenarioId);
  const usulan = wb.reads.scenarios().find((s2) => s2.status === "usulan");
  if (!usulan) {
    throw new AppError("not_found", "No scenario is marked usulan; mark one as the proposal or choose the scenario to export", {}, "scenarioId");
  }
  return usulan;
}
function gather(wb, opts, report) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new AppError("bad_input", `Date must be YYYY-MM-DD, got "${opts.date}"`, {}, "date");
  const scenario = wb.reads.scenario(report.scenarioId);
  const values = wb.values();
  const byKey = new Map(values.map((v) => [`${v.indicatorId}:${v.year}:${v.series}`, v]));
  const reals = /* @__PURE__ */ new Map();
  for (const v of values) {
    if (v.series !== "realisation") continue;
    const list = reals.get(v.indicatorId);
    if (list) list.push(v);
    else reals.set(v.indicatorId, [v]);
  }
  for (const list of reals.values()) list.sort((a, b) => a.year - b.year);
  const targets = wb.reads.targets(scenario.id);
  const revisedMap = new Map(targets.targets.map((t) => [`${t.indicatorId}:${t.year}`, t.value]));
  return {
    plan: wb.plan(),
    indicators: wb.indicators(),
    scenario,
    targets,
    report,
    values,
    realisations: (ind) => reals.get(ind.id) ?? [],
    value: (ind, year2, series) => byKey.get(`${ind.id}:${year2}:${series}`),
    revised: (ind, year2) => revisedMap.get(`${ind.id}:${year2}`),
    lang: opts.language,
    L: LABELS[opts.language],
    opts
  };
}
function targetYears(plan) {
  const ys = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) ys.push(y);
  return ys;
}
function indName(d, ind) {
  return d.lang === "en" ? ind.nameEn : ind.nameId;
}
function defaultPlace(region) {
  return region.replace(/^(Kabupaten|Kab\.|Kota)\s+/i, "").trim() || region;
}
function titles(ws, d, lastCol, heading) {
  const { L, plan, scenario } = d;
  titleRow(ws, 1, lastCol, heading.toUpperCase(), 12);
  titleRow(ws, 2, lastCol, L.docTitle, 11);
  titleRow(ws, 3, lastCol, L.planPeriod(plan.region, plan.province, plan.firstYear, plan.lastYear), 10, false);
  titleRow(ws, 4, lastCol, `${L.scenario}: ${scenario.name} (${L.status[scenario.status]})`, 10, false);
  titleRow(ws, 5, lastCol, `${L.date}: ${longDate(d.opts.date, d.lang)}`, 10, false);
  return 7;
}
function footerLeft(d, number) {
  return `${d.L.lampiran(number)} \u2014 ${d.L.docTitle} ${d.plan.region}`;
}
function sheetTargets(book, d) {
  const { L, plan } = d;
  const years = targetYears(plan);
  const ws = book.addWorksheet(ANNEX_SHEETS[0]);
  const colBaseline = 4;
  const colYear = (i) => 5 + i * 2;
  const colFinal = 5 + years.length * 2;
  const colWhy = colFinal + 2;
  const lastCol = colWhy;
  const widths = [5, 34, 10, 11, ...years.flatMap(() => [9, 9]), 9, 9, 44];
  widths.forEach((w, i) => ws.getColumn(i + 1).width = w);
  const h1 = titles(ws, d, lastCol, `${L.lampiran("I")} \u2014 ${L.sheet1Title}`);
  const h2 = h1 + 1;
  const head = { bold: true, h: "center", fill: COLORS.header, wrap: true };
  for (const [col, text] of [[1, L.no], [2, L.indicator], [3, L.unit], [colBaseline, `${L.baseline} (${plan.baselineYear})`], [colWhy, L.justification]]) {
    mergeRange(ws, h1, col, h2, col);
    put(ws, h1, col, text, head);
  }
  years.forEach((y, i) => {
    mergeRange(ws, h1, colYear(i), h1, colYear(i) + 1);
    put(ws, h1, colYear(i), y, head);
    put(ws, h2, colYear(i), L.original, head);
    put(ws, h2, colYear(i) + 1, L.revised, head);
  });
  mergeRange(ws, h1, colFinal, h1, colFinal + 1);
  put(ws, h1, colFinal, `${L.finalCondition} (${plan.lastYear})`, head);
  put(ws, h2, colFinal, L.original, head);
  put(ws, h2, colFinal + 1, L.revised, head);
  ws.getRow(h1).height = 24;
  ws.getRow(h2).height = 14;
  const justification = new Map(d.targets.justifications.map((j) => [j.indicatorId, j.text]));
  let row = h2 + 1;
  ["makro", "kemiskinan"].forEach((group, gi) => {
    const inds = d.indicators.filter((i) => i.group === group);
    if (inds.length === 0) return;
    put(ws, row, 1, String.fromCharCode(65 + gi), { bold: true, h: "center", fill: COLORS.group });
    mergeRange(ws, row, 2, row, lastCol);
    put(ws, row, 2, L.groups[group], { bold: true, fill: COLORS.group });
    row++;
    inds.forEach((ind, k) => {
      const fmt2 = { numFmt: numFmt(ind.decimals, d.lang), h: "right" };
      put(ws, row, 1, k + 1, { h: "center" });
      put(ws, row, 2, indName(d, ind), { wrap: true });
      put(ws, row, 3, ind.unit, { h: "center", wrap: true });
      const base = d.value(ind, plan.baselineYear, "baseline") ?? d.value(ind, plan.baselineYear, "realisation");
      put(ws, row, colBaseline, base?.value ?? "\u2013", base ? fmt2 : { h: "center" });
      const cells2 = (col, year2) => {
        const original = d.value(ind, year2, "original_target")?.value;
        const revised = d.revised(ind, year2);
        put(ws, row, col, original ?? "\u2013", original !== void 0 ? fmt2 : { h: "center" });
        const changed = revised !== void 0 ? isChanged(ind, revised, original) : original !== void 0;
        put(ws, row, col + 1, revised ?? "\u2013", {
          ...revised !== void 0 ? fmt2 : { h: "center" },
          ...changed ? { fill: COLORS.changed, bold: true } : {}
        });
      };
      years.forEach((y, i) => cells2(colYear(i), y));
      cells2(colFinal, plan.lastYear);
      const why = justification.get(ind.id) ?? "";
      put(ws, row, colWhy, why, { wrap: true, v: "top" });
      fitRowHeight(ws, row, [{ text: indName(d, ind), width: widths[1] }, { text: why, width: widths[colWhy - 1] }]);
      row++;
    });
  });
  const lastTableRow = row - 1;
  boxAll(ws, h1, 1, lastTableRow, lastCol);
  row += 1;
  put(ws, row, 1, "", { fill: COLORS.changed, border: true });
  mergeRange(ws, row, 2, row, Math.min(lastCol, 12));
  put(ws, row, 2, L.legendChanged, { italic: true, size: 8 });
  row += 2;
  const sigLeft = Math.max(1, lastCol - 3);
  const signer2 = d.opts.signer;
  const place = signer2?.place?.trim() || defaultPlace(plan.region);
  const lines = [
    [`${place}, ${longDate(d.opts.date, d.lang)}`, {}],
    [signer2?.title.trim() || "\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026", { bold: true }],
    ["", {}],
    ["", {}],
    ["", {}],
    [signer2?.name.trim() || "\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026", { bold: true, underline: true }],
    [signer2?.nip.trim() ? `${L.nip} ${signer2.nip.trim()}` : `${L.nip} \u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026`, {}]
  ];
  for (const [text, style] of lines) {
    mergeRange(ws, row, sigLeft, row, lastCol);
    put(ws, row, sigLeft, text, { ...style, size: 10, h: "center" });
    row++;
  }
  printSetup(ws, {
    paper: d.opts.paper,
    headerRows: [h1, h2],
    lastRow: row - 1,
    lastCol,
    freezeCols: 3,
    footerLeft: footerLeft(d, "I"),
    pageWord: L.page,
    ofWord: L.of
  });
}
function sheetCapaian(book, d) {
  const { L, plan } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[1]);
  const widths = [5, 30, 9, 7, 10, 10, 10, 11, 10, 10, 11, 34, 40];
  widths.forEach((w, i) => ws.getColumn(i + 1).width = w);
  const lastCol = widths.length;
  const h1 = titles(ws, d, lastCol, `${L.lampiran("II")} \u2014 ${L.sheet2Title}`);
  const h2 = h1 + 1;
  const head = { bold: true, h: "center", fill: COLORS.header, wrap: true };
  for (const [col, text] of [[1, L.no], [2, L.indicator], [3, L.unit], [4, L.year], [5, L.realisation], [12, L.formula], [13, `${L.source} (${L.realisation})`]]) {
    mergeRange(ws, h1, col, h2, col);
    put(ws, h1, col, text, head);
  }
  for (const [col, text] of [[6, L.originalTarget], [9, L.revisedTarget]]) {
    mergeRange(ws, h1, col, h1, col + 2);
    put(ws, h1, col, text, head);
    put(ws, h2, col, "Target", head);
    put(ws, h2, col + 1, L.capaian, head);
    put(ws, h2, col + 2, L.band, head);
  }
  ws.getRow(h1).height = 16;
  ws.getRow(h2).height = 24;
  const pct = numFmt(2, d.lang);
  let row = h2 + 1;
  d.indicators.forEach((ind, k) => {
    const fmt2 = { numFmt: numFmt(ind.decimals, d.lang), h: "right" };
    const baseline = (d.value(ind, plan.baselineYear, "baseline") ?? d.value(ind, plan.baselineYear, "realisation"))?.value ?? null;
    const reals = d.realisations(ind);
    const first = row;
    if (reals.length === 0) {
      put(ws, row, 4, "\u2013", { h: "center" });
      mergeRange(ws, row, 5, row, lastCol);
      put(ws, row, 5, L.noRealisation, { italic: true });
      row++;
    }
    for (const real of reals) {
      put(ws, row, 4, real.year, { h: "center" });
      put(ws, row, 5, real.value, fmt2);
      const formulas = /* @__PURE__ */ new Set();
      const side = (col, target) => {
        if (target === void 0) {
          put(ws, row, col, "\u2013", { h: "center" });
          put(ws, row, col + 1, "\u2013", { h: "center" });
          put(ws, row, col + 2, "", {});
          return;
        }
        put(ws, row, col, target, fmt2);
        const result = capaian({ polarity: ind.polarity, target, realisation: real.value, baseline, lowerFormula: DEFAULT_LOWER_FORMULA });
        if (result.kind === "value") {
          formulas.add(L.formulas[result.formula]);
          put(ws, row, col + 1, result.percent, { numFmt: pct, h: "right" });
          put(ws, row, col + 2, L.bands[capaianBand(result.percent, 2)], { h: "center" });
        } else {
          put(ws, row, col + 1, "\u2013", { h: "center" });
          put(ws, row, col + 2, L.notComputable[result.reason], { size: 8, wrap: true });
          formulas.add(L.notComputable[result.reason]);
        }
      };
      side(6, d.value(ind, real.year, "original_target")?.value);
      side(9, d.revised(ind, real.year));
      const formula = [...formulas].join("; ") || (ind.polarity === "higher" ? L.formulas.higher : ind.polarity === "lower" ? L.formulas[DEFAULT_LOWER_FORMULA] : L.notComputable.neutral_polarity);
      put(ws, row, 12, formula, { wrap: true, size: 8 });
      const source = real.illustrative ? `${L.illustrative}: ${real.source}` : real.source;
      put(ws, row, 13, source, { wrap: true, size: 8 });
      fitRowHeight(ws, row, [{ text: formula, width: widths[11] * 1.1 }, { text: source, width: widths[12] * 1.1 }]);
      row++;
    }
    for (const [col, value2, style] of [[1, k + 1, { h: "center", v: "top" }], [2, indName(d, ind), { wrap: true, v: "top" }], [3, ind.unit, { h: "center", v: "top", wrap: true }]]) {
      if (row - 1 > first) mergeRange(ws, first, col, row - 1, col);
      put(ws, first, col, value2, style);
    }
  });
  boxAll(ws, h1, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper,
    headerRows: [h1, h2],
    lastRow: row - 1,
    lastCol,
    freezeCols: 4,
    footerLeft: footerLeft(d, "II"),
    pageWord: L.page,
    ofWord: L.of
  });
}
function sheetChecks(book, d) {
  const { L } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[2]);
  const widths = [5, 12, 30, 30, 7, 80];
  widths.forEach((w, i) => ws.getColumn(i + 1).width = w);
  const lastCol = widths.length;
  titles(ws, d, lastCol, `${L.lampiran("III")} \u2014 ${L.sheet3Title}`);
  mergeRange(ws, 7, 1, 7, lastCol);
  put(ws, 7, 1, L.findingsSummary(d.report.counts), { italic: true });
  const h = 8;
  [L.no, L.band, L.check, L.indicator, L.year, L.finding].forEach((t, i) => put(ws, h, i + 1, t, { bold: true, h: "center", fill: COLORS.header, wrap: true }));
  const titlesById = new Map(checkCatalogue().map((c) => [c.id, c.title[d.lang]]));
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  let row = h + 1;
  if (d.report.findings.length === 0) {
    mergeRange(ws, row, 1, row, lastCol);
    put(ws, row, 1, L.noFindings, { italic: true });
    row++;
  }
  d.report.findings.forEach((f, i) => {
    const fill = f.severity === "error" ? COLORS.error : f.severity === "warning" ? COLORS.warning : void 0;
    put(ws, row, 1, i + 1, { h: "center" });
    put(ws, row, 2, L.severity[f.severity], { h: "center", ...fill ? { fill } : {} });
    put(ws, row, 3, titlesById.get(f.checkId) ?? f.checkId, { wrap: true });
    const ind = inds.get(f.indicatorId);
    put(ws, row, 4, ind ? indName(d, ind) : f.indicatorCode, { wrap: true });
    put(ws, row, 5, f.year ?? "\u2013", { h: "center" });
    put(ws, row, 6, f.message[d.lang], { wrap: true });
    fitRowHeight(ws, row, [{ text: f.message[d.lang], width: widths[5] }, { text: titlesById.get(f.checkId) ?? "", width: widths[2] }]);
    row++;
  });
  boxAll(ws, h, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper,
    headerRows: [h, h],
    lastRow: row - 1,
    lastCol,
    freezeCols: 0,
    footerLeft: footerLeft(d, "III"),
    pageWord: L.page,
    ofWord: L.of
  });
}
function sheetChangeLog(book, d, wb) {
  const { L } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[3]);
  const widths = [5, 18, 12, 18, 26, 7, 11, 11, 40, 30];
  widths.forEach((w, i) => ws.getColumn(i + 1).width = w);
  const lastCol = widths.length;
  titles(ws, d, lastCol, L.sheet4Title);
  const h = 7;
  [L.no, L.at, L.user, L.action, L.indicator, L.year, L.oldValue, L.newValue, L.justification, L.detail].forEach(
    (t, i) => put(ws, h, i + 1, t, { bold: true, h: "center", fill: COLORS.header, wrap: true })
  );
  const byCode = new Map(d.indicators.map((i) => [i.code, i]));
  const entries = wb.reads.changeLog(d.scenario.id, 1e5).reverse();
  let row = h + 1;
  if (entries.length === 0) {
    mergeRange(ws, row, 1, row, lastCol);
    put(ws, row, 1, L.noChanges, { italic: true });
    row++;
  }
  entries.forEach((e, i) => {
    const ind = e.indicatorCode ? byCode.get(e.indicatorCode) : void 0;
    const fmt2 = ind ? { numFmt: numFmt(ind.decimals, d.lang), h: "right" } : { h: "right" };
    put(ws, row, 1, i + 1, { h: "center" });
    put(ws, row, 2, e.at.replace("T", " ").slice(0, 19), {});
    put(ws, row, 3, e.user, { wrap: true });
    put(ws, row, 4, describeEntryAction(e, d.lang), { wrap: true });
    put(ws, row, 5, ind ? indName(d, ind) : e.indicatorCode ?? "", { wrap: true });
    put(ws, row, 6, e.year ?? "", { h: "center" });
    put(ws, row, 7, e.oldValue ?? (e.year !== null ? "\u2013" : ""), e.oldValue !== null ? fmt2 : { h: "center" });
    put(ws, row, 8, e.newValue ?? (e.year !== null ? "\u2013" : ""), e.newValue !== null ? fmt2 : { h: "center" });
    put(ws, row, 9, e.justification ?? "", { wrap: true });
    const worded = describeEntryDetail(e, d.lang);
    const detail = worded.length > 500 ? `${worded.slice(0, 500)}\u2026` : worded;
    put(ws, row, 10, detail, { wrap: true, size: 8 });
    fitRowHeight(ws, row, [{ text: e.justification ?? "", width: widths[8] }, { text: detail, width: widths[9] * 1.1 }, { text: ind ? indName(d, ind) : "", width: widths[4] }]);
    row++;
  });
  boxAll(ws, h, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper,
    headerRows: [h, h],
    lastRow: row - 1,
    lastCol,
    freezeCols: 0,
    footerLeft: `${L.sheet4Title} \u2014 ${L.docTitle} ${d.plan.region}`,
    pageWord: L.page,
    ofWord: L.of
  });
}
var SERIES_ORDER = { baseline: 0, original_target: 1, realisation: 2, projection: 3 };
function sheetSources(book, d) {
  const { L } = d;
  const ws = book.addWorksheet(ANNEX_SHEETS[4]);
  const widths = [5, 30, 9, 20, 7, 11, 70, 14];
  widths.forEach((w, i) => ws.getColumn(i + 1).width = w);
  const lastCol = widths.length;
  titles(ws, d, lastCol, L.sheet5Title);
  const h = 7;
  [L.no, L.indicator, L.unit, L.seriesHeader, L.year, L.value, L.source, L.note].forEach(
    (t, i) => put(ws, h, i + 1, t, { bold: true, h: "center", fill: COLORS.header, wrap: true })
  );
  const order = new Map(d.indicators.map((ind, i) => [ind.id, i]));
  const inds = new Map(d.indicators.map((i) => [i.id, i]));
  const rows = [...d.values].sort(
    (a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) || SERIES_ORDER[a.series] - SERIES_ORDER[b.series] || a.year - b.year
  );
  let row = h + 1;
  let n = 1;
  const line = (ind, series, year2, value2, source, illustrative) => {
    put(ws, row, 1, n++, { h: "center" });
    put(ws, row, 2, indName(d, ind), { wrap: true });
    put(ws, row, 3, ind.unit, { h: "center" });
    put(ws, row, 4, L.series[series], {});
    put(ws, row, 5, year2, { h: "center" });
    put(ws, row, 6, value2, { numFmt: numFmt(ind.decimals, d.lang), h: "right" });
    put(ws, row, 7, source, { wrap: true, size: 8 });
    put(ws, row, 8, illustrative ? L.illustrative : "", { h: "center", italic: illustrative });
    fitRowHeight(ws, row, [{ text: source, width: widths[6] * 1.1 }, { text: indName(d, ind), width: widths[1] }]);
    row++;
  };
  for (const v of rows) {
    const ind = inds.get(v.indicatorId);
    if (ind) line(ind, v.series, v.year, v.value, v.source, v.illustrative);
  }
  const derivedText = d.lang === "en" ? "derived from the rate \xD7 population" : "diturunkan dari persentase \xD7 jumlah penduduk";
  const enteredText = d.lang === "en" ? "entered by the planner" : "diisi perencana";
  for (const t of d.targets.targets) {
    const ind = inds.get(t.indicatorId);
    if (!ind) continue;
    line(ind, "revised_target", t.year, t.value, `${L.scenario} "${d.scenario.name}" (${t.origin === "derived" ? derivedText : enteredText})`, false);
  }
  boxAll(ws, h, 1, row - 1, lastCol);
  printSetup(ws, {
    paper: d.opts.paper,
    headerRows: [h, h],
    lastRow: row - 1,
    lastCol,
    freezeCols: 0,
    footerLeft: `${L.sheet5Title} \u2014 ${L.docTitle} ${d.plan.region}`,
    pageWord: L.page,
    ofWord: L.of
  });
}
function buildAnnex(wb, opts, report) {
  const d = gather(wb, opts, report);
  const book = new ExcelJS.Workbook();
  const stamp2 = /* @__PURE__ */ new Date(`${opts.date}T00:00:00Z`);
  book.creator = "RPJMD Workbench";
  book.lastModifiedBy = "RPJMD Workbench";
  book.created = stamp2;
  book.modified = stamp2;
  book.title = `${d.L.docTitle} ${d.plan.region} ${d.plan.firstYear}\u2013${d.plan.lastYear}`;
  book.subject = `${d.L.scenario}: ${d.scenario.name}`;
  sheetTargets(book, d);
  sheetCapaian(book, d);
  sheetChecks(book, d);
  sheetChangeLog(book, d, wb);
  sheetSources(book, d);
  return { workbook: book, scenario: d.scenario, report: d.report };
}
var ANNEX_ZIP = { compression: "DEFLATE", compressionOptions: { level: 1 } };
async function annexBuffer(wb, opts, report) {
  const built = buildAnnex(wb, opts, report);
  const buffer = Buffer.from(await built.workbook.xlsx.writeBuffer({ zip: ANNEX_ZIP }));
  return { ...built, buffer };
}
function annexFileName(plan, lang) {
  const region = plan.region.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-");
  return `${lang === "en" ? "Annex-RPJMD-Revision" : "Lampiran-Perubahan-RPJMD"}-${region}-${plan.firstYear}-${plan.lastYear}.xlsx`;
}
async function writeAnnex(wb, opts, report, target, overwrite = false) {
  const absolute = path.resolve(target);
  const name = path.basename(absolute);
  if (path.extname(absolute).toLowerCase() !== ".xlsx") {
    throw new AppError("bad_input", `The annex is an .xlsx file; "${name}" has another extension`, { file: name }, "path");
  }
  if (absolute === path.resolve(wb.path)) throw new AppError("bad_input", "The annex cannot be written over the open workbook", { file: name }, "path");
  if (!overwrite && fs.existsSync(absolute)) throw new AppError("already_exists", `${name} already exists`, { file: name }, "path");
  const built = await annexBuffer(wb, opts, report);
  const dir = path.dirname(absolute);
  const temp = path.join(dir, `.${name}.exporting-${crypto.randomBytes(4).toString("hex")}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, "w");
    try {
      fs.writeSync(fd, built.buffer);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, absolute);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new AppError("io_error", `Could not write ${name}: ${err.message}`, { file: name });
  }
  return { ...built, path: absolute, bytes: built.buffer.length };
}

// electron/annex/grid.ts
import ExcelJS2 from "exceljs";

// electron/annex/limits.ts
var IMPORT_LIMITS = {
  /** File size (.xlsx or .csv) as read from disk or uploaded. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Cells in all sheets together (xlsx <c> elements; CSV fields). */
  maxCells: 2e5,
  /** Rows the sheets declare (<row> elements, even empty ones: exceljs builds an object for each). */
  maxRows: 2e5,
  /** Excel's last row; exceljs walks its row array up to the highest row number, holes included. */
  maxRow: 1048576,
  /** Excel's last column (XFD); a column range beyond it makes exceljs build a column object per number. */
  maxColumn: 16384,
  /** Parts inside the .xlsx zip. */
  maxZipEntries: 1e3,
  /** One part unpacked (a sheet's XML, the shared strings). */
  maxPartBytes: 50 * 1024 * 1024,
  /** All parts together unpacked (declared sizes, and the sheets actually inflated). */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Merged ranges per sheet, and cells they (or data-validation rules) may cover. */
  maxMerges: 2e3,
  maxMergedArea: 1e5,
  /** Rejections listed in a preview; more are counted in a notice. */
  maxListedRejections: 1e3
};

// electron/annex/zip-guard.ts
import zlib from "node:zlib";
function refuse(file2, message, reason) {
  throw new AppError("refused_file", `${file2}: ${message}`, { file: file2, reason });
}
function readEntries(buf, file2) {
  const notZip = () => refuse(file2, "is not a valid .xlsx file (not a zip archive)", "not_xlsx");
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 101010256) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notZip();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 65535 || cdOffset === 4294967295) refuse(file2, "is a ZIP64 archive, which a spreadsheet of this size never needs", "zip64");
  if (count > IMPORT_LIMITS.maxZipEntries) refuse(file2, `has ${count} parts inside; at most ${IMPORT_LIMITS.maxZipEntries} are accepted`, "too_many_parts");
  if (cdOffset + cdSize > eocd) notZip();
  const entries = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 33639248) notZip();
    const method2 = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.push({ name, method: method2, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
function inflate(buf, e, file2, cap) {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 67324752) refuse(file2, `part ${e.name} is damaged`, "damaged");
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) {
      if (data.length > cap) throw new RangeError("too large");
      return data.toString("utf8");
    }
    if (e.method !== 8) refuse(file2, `part ${e.name} uses an unsupported compression method (${e.method})`, "damaged");
    return zlib.inflateRawSync(data, { maxOutputLength: cap }).toString("utf8");
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof RangeError || err.code === "ERR_BUFFER_TOO_LARGE") {
      refuse(file2, `part ${e.name} unpacks to more than ${Math.round(cap / 1024 / 1024)} MB (a zip bomb?)`, "too_large");
    }
    refuse(file2, `part ${e.name} is damaged (${err.message})`, "damaged");
  }
}
function colNumber(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function rangeArea(ref) {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim().toUpperCase());
  if (!m) return 0;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}
var INHERITED = ["__proto__", "prototype", ...Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== "__proto__")];
var INHERITED_WORD = new RegExp(`(?<![\\w$])(${INHERITED.map((n) => n.replace(/\$/g, "\\$")).join("|")})(?![\\w$])`);
function unsafeName(part, xml) {
  if (/^docProps\//i.test(part) || /^xl\/(sharedStrings|comments\d*)\.xml$/i.test(part) || /^xl\/media\//i.test(part)) return null;
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(part)) {
    for (const m of xml.matchAll(/="([^"]*)"|<f\b[^>]*>([^<]*)<\/f>/g)) {
      const hit = INHERITED_WORD.exec(m[1] ?? m[2] ?? "");
      if (hit) return hit[1];
    }
    return null;
  }
  return INHERITED_WORD.exec(xml)?.[1] ?? null;
}
var CONTENT_TYPE_MACRO = /macroEnabled|vbaProject|ms-excel\.sheet\.binary|ms-excel\.addin|vnd\.ms-office\.activeX/i;
var WORKBOOK_MAIN = /ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml"/;
function inspectXlsx(buf, file2) {
  const entries = readEntries(buf, file2);
  const L = IMPORT_LIMITS;
  let declared = 0;
  for (const e of entries) {
    if (e.name.includes("..") || e.name.startsWith("/") || e.name.includes("\\")) refuse(file2, `has a part with an unsafe name (${e.name.slice(0, 80)})`, "damaged");
    if (/vbaProject|\.bin$/i.test(e.name)) refuse(file2, "contains macros (VBA) or binary parts; save it as a plain .xlsx workbook (Excel Workbook, not macro-enabled) and import that", "macros");
    if (e.uncompressedSize > L.maxPartBytes) refuse(file2, `part ${e.name} is larger than ${L.maxPartBytes / 1024 / 1024} MB unpacked`, "too_large");
    declared += e.uncompressedSize;
  }
  if (declared > L.maxUnpackedBytes) refuse(file2, `unpacks to more than ${L.maxUnpackedBytes / 1024 / 1024} MB`, "too_large");
  const types = entries.find((e) => e.name === "[Content_Types].xml");
  if (!types) refuse(file2, "is not a valid .xlsx file (no [Content_Types].xml)", "not_xlsx");
  const typesXml = inflate(buf, types, file2, 1024 * 1024);
  if (CONTENT_TYPE_MACRO.test(typesXml)) refuse(file2, "is a macro-enabled or binary workbook (.xlsm/.xlsb); save it as a plain .xlsx workbook and import that", "macros");
  if (!WORKBOOK_MAIN.test(typesXml)) refuse(file2, "is not an Excel workbook (.xlsx)", "not_xlsx");
  let cells2 = 0;
  let rows = 0;
  let unpacked = 0;
  for (const e of entries) {
    const xml = inflate(buf, e, file2, Math.min(L.maxPartBytes, L.maxUnpackedBytes - unpacked + 1));
    unpacked += xml.length;
    if (unpacked > L.maxUnpackedBytes) refuse(file2, `unpacks to more than ${L.maxUnpackedBytes / 1024 / 1024} MB`, "too_large");
    const unsafe = unsafeName(e.name, xml);
    if (unsafe) refuse(file2, `part ${e.name} uses the name "${unsafe}" where a sheet, relationship or style name belongs; such names are refused because they can corrupt the importer's memory`, "damaged");
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    cells2 += (xml.match(/<c[\s>/]/g) ?? []).length;
    if (cells2 > L.maxCells) refuse(file2, `has more than ${L.maxCells.toLocaleString("en")} cells; split it into smaller files`, "too_many_cells");
    const sheet = e.name.replace(/^xl\/worksheets\//, "");
    rows += (xml.match(/<row[\s>/]/g) ?? []).length;
    if (rows > L.maxRows) refuse(file2, `has more than ${L.maxRows.toLocaleString("en")} rows; split it into smaller files`, "too_many_cells");
    for (const m of xml.matchAll(/<(row|c)\b[^>]*?\br="([A-Za-z]*)(\d*)"/g)) {
      const col = m[2].length <= 3 ? colNumber(m[2].toUpperCase()) : Infinity;
      const row = Number(m[3]);
      if (row > L.maxRow || col > L.maxColumn) refuse(file2, `${sheet} has a ${m[1] === "row" ? "row" : "cell"} at ${`${m[2]}${m[3]}`.slice(0, 24)}, beyond Excel's last row or column (XFD${L.maxRow})`, "damaged");
    }
    for (const m of xml.matchAll(/<col\b[^>]*>/g)) {
      for (const a of m[0].matchAll(/\b(min|max)="([^"]*)"/g)) {
        const n = Number(a[2]);
        if (!(n >= 0 && n <= L.maxColumn)) refuse(file2, `${sheet} declares column ${a[1]} ${a[2].slice(0, 20)}, beyond Excel's last column (${L.maxColumn}, XFD)`, "damaged");
      }
    }
    let merges = 0;
    let mergedArea = 0;
    for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)) {
      merges++;
      mergedArea += rangeArea(m[1]);
    }
    if (merges > L.maxMerges || mergedArea > L.maxMergedArea) {
      refuse(file2, `${e.name.replace(/^xl\/worksheets\//, "")} has ${merges} merged ranges covering ${mergedArea.toLocaleString("en")} cells; at most ${L.maxMergedArea.toLocaleString("en")} merged cells are accepted`, "too_many_merges");
    }
    let validationArea = 0;
    for (const m of xml.matchAll(/<(?:x14:)?dataValidation\b[^>]*\bsqref="([^"]*)"/g)) {
      for (const ref of m[1].split(/\s+/)) validationArea += rangeArea(ref);
    }
    for (const m of xml.matchAll(/<xm:sqref>([^<]*)<\/xm:sqref>/g)) {
      for (const ref of m[1].split(/\s+/)) validationArea += rangeArea(ref);
    }
    if (validationArea > L.maxMergedArea) {
      refuse(file2, `${e.name.replace(/^xl\/worksheets\//, "")} has data-validation rules covering ${validationArea.toLocaleString("en")} cells; at most ${L.maxMergedArea.toLocaleString("en")} are accepted`, "too_many_merges");
    }
  }
  return { cells: cells2, hasNotes: entries.some((e) => /^xl\/comments\d*\.xml$/i.test(e.name)) };
}

// electron/annex/grid.ts
function cellAt(g, row, col) {
  return g.rows.get(row)?.get(col);
}
function textAt(g, row, col) {
  const c = cellAt(g, row, col);
  if (!c) return "";
  if (c.kind === "text") return c.text.trim();
  if (c.kind === "number") return String(c.value);
  return "";
}
function sortedRows(g) {
  return [...g.rows.keys()].sort((a, b) => a - b);
}
function fail2(file2, message, reason) {
  throw new AppError("refused_file", `${file2}: ${message}`, { file: file2, reason });
}
function richText(v) {
  return Array.isArray(v.richText) ? v.richText.map((r2) => typeof r2?.text === "string" ? r2.text : "").join("") : "";
}
function rawOf(cell) {
  const mergedCopy = cell.isMerged && cell.master !== cell;
  const v = cell.value;
  const percent = typeof cell.numFmt === "string" && cell.numFmt.includes("%");
  if (v === null || v === void 0) return void 0;
  if (typeof v === "number") return { kind: "number", value: v, percent, formula: false, mergedCopy };
  if (typeof v === "string") return v.trim() === "" ? void 0 : { kind: "text", text: v, mergedCopy };
  if (typeof v === "boolean") return { kind: "other", text: String(v) };
  if (v instanceof Date) return { kind: "other", text: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    const o = v;
    if ("formula" in o || "sharedFormula" in o) {
      const r2 = o.result;
      if (typeof r2 === "number") return { kind: "number", value: r2, percent, formula: true, mergedCopy };
      if (typeof r2 === "string") return r2.trim() === "" ? { kind: "formula_without_value" } : { kind: "text", text: r2, mergedCopy };
      if (r2 && typeof r2 === "object" && "error" in r2) return { kind: "error", text: String(r2.error) };
      return { kind: "formula_without_value" };
    }
    if ("richText" in o) {
      const t = richText(o);
      return t.trim() === "" ? void 0 : { kind: "text", text: t, mergedCopy };
    }
    if ("error" in o) return { kind: "error", text: String(o.error) };
    if ("text" in o && typeof o.text === "string") return { kind: "text", text: o.text, mergedCopy };
  }
  return { kind: "other", text: "" };
}
async function readXlsx(bytes, file2) {
  const report = inspectXlsx(bytes, file2);
  const book = new ExcelJS2.Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch (err) {
    fail2(file2, `could not be read as an .xlsx workbook (${err.message})`, "not_xlsx");
  }
  const grids = [];
  let cells2 = 0;
  for (const ws of book.worksheets) {
    const g = { name: ws.name, rows: /* @__PURE__ */ new Map(), notes: [] };
    ws.eachRow({ includeEmpty: false }, (row, r2) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (++cells2 > IMPORT_LIMITS.maxCells) fail2(file2, `has more than ${IMPORT_LIMITS.maxCells.toLocaleString("en")} cells; split it into smaller files`, "too_many_cells");
        if (report.hasNotes && cell.note !== void 0) g.notes.push({ row: r2, col: c });
        const raw = rawOf(cell);
        if (!raw) return;
        let line = g.rows.get(r2);
        if (!line) g.rows.set(r2, line = /* @__PURE__ */ new Map());
        line.set(c, raw);
      });
    });
    grids.push(g);
  }
  return grids;
}
function parseCsv(text, sep) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
function detectSeparator(text) {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (semi + comma > 0) break;
    } else if (!quoted && ch === ";") semi++;
    else if (!quoted && ch === ",") comma++;
  }
  return semi > 0 && semi >= comma ? ";" : ",";
}
function readCsv(bytes, file2) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    fail2(file2, 'is not UTF-8 text; in Excel use "Save As \u2192 CSV UTF-8 (Comma delimited)"', "not_utf8");
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (text.includes("\0")) fail2(file2, "is not a text file", "not_csv");
  const sep = detectSeparator(text);
  const g = { name: "CSV", rows: /* @__PURE__ */ new Map(), notes: [] };
  let cells2 = 0;
  parseCsv(text, sep).forEach((fields, i) => {
    const line = /* @__PURE__ */ new Map();
    fields.forEach((f, j) => {
      if (++cells2 > IMPORT_LIMITS.maxCells) fail2(file2, `has more than ${IMPORT_LIMITS.maxCells.toLocaleString("en")} cells; split it into smaller files`, "too_many_cells");
      if (f.trim() !== "") line.set(j + 1, { kind: "text", text: f, mergedCopy: false });
    });
    if (line.size > 0) g.rows.set(i + 1, line);
  });
  return [g];
}
var MACRO_EXTENSIONS = /* @__PURE__ */ new Set([".xlsm", ".xltm", ".xlsb", ".xlam", ".xls", ".xlt"]);
async function readGrids(fileName, bytes) {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    fail2(fileName, `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB can be imported`, "too_large");
  }
  if (MACRO_EXTENSIONS.has(ext)) {
    fail2(fileName, `${ext} files are not imported (they may hold macros or use the old binary format); save the sheet as .xlsx or CSV UTF-8 and import that`, "macros");
  }
  const zip = bytes.length >= 4 && bytes.readUInt32LE(0) === 67324752;
  const ole = bytes.length >= 8 && bytes.readUInt32LE(0) === 3759263696;
  if (ext === ".xlsx") {
    if (!zip) fail2(fileName, "is not a valid .xlsx file", "not_xlsx");
    return readXlsx(bytes, fileName);
  }
  if (ext === ".csv" || ext === ".txt") {
    if (zip || ole) fail2(fileName, "is a spreadsheet file named .csv; import it under its own extension (.xlsx)", "not_csv");
    return readCsv(bytes, fileName);
  }
  fail2(fileName, "is neither .xlsx nor .csv", "unsupported");
}

// electron/annex/import.ts
function normalizeName(s2) {
  return s2.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\u00a0]+/g, " ").trim();
}
var PLACEHOLDERS = /* @__PURE__ */ new Set(["-", "\u2013", "\u2014", "..", "...", "\u2026", "n/a", "na", "n.a.", "n.a", "x", "(x)", "tad", "t.a.d."]);
var UNIT_SYNONYMS = {
  persen: "%",
  percent: "%",
  "persen (%)": "%",
  "(%)": "%",
  orang: "jiwa",
  people: "jiwa",
  persons: "jiwa",
  "jiwa (orang)": "jiwa",
  index: "indeks",
  poin: "indeks",
  points: "indeks"
};
function unitKey(u) {
  const n = normalizeName(u).replace(/\s/g, "");
  return UNIT_SYNONYMS[n] ?? UNIT_SYNONYMS[normalizeName(u)] ?? n;
}
var isWord = (text, words) => {
  const n = normalizeName(text);
  return words.some((w) => normalizeName(w) === n);
};
function yearOf(cell) {
  if (!cell) return null;
  const t = cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? cell.text.trim() : "";
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= 1945 && y <= 2100 ? y : null;
}
var IndicatorIndex = class {
  keys = /* @__PURE__ */ new Map();
  byId;
  constructor(indicators) {
    this.byId = new Map(indicators.map((i) => [i.id, i]));
    for (const ind of indicators) for (const k of [ind.code, ind.nameId, ind.nameEn]) this.add(normalizeName(k), ind.id);
  }
  add(key, id3) {
    if (!key) return;
    const set = this.keys.get(key) ?? /* @__PURE__ */ new Set();
    set.add(id3);
    this.keys.set(key, set);
  }
  find(text) {
    const n = normalizeName(text);
    let hits = this.keys.get(n);
    if (!hits) {
      const bare = n.replace(/\s*\([^()]*\)$/, "");
      if (bare !== n) hits = this.keys.get(bare);
    }
    if (!hits || hits.size === 0) return { problem: "unknown_indicator" };
    if (hits.size > 1) return { problem: "ambiguous_indicator" };
    return { ind: this.byId.get([...hits][0]) };
  }
};
var Collector = class {
  constructor(wb, plan) {
    this.wb = wb;
    this.plan = plan;
    for (const v of wb.values()) this.current.set(`${v.series}::${v.indicatorId}:${v.year}`, v.value);
  }
  wb;
  plan;
  new = [];
  changed = [];
  unchanged = 0;
  rejected = [];
  notices = [];
  rejectedCount = 0;
  seen = /* @__PURE__ */ new Set();
  current = /* @__PURE__ */ new Map();
  loadScenario(s2) {
    for (const t of this.wb.reads.targets(s2.id).targets) this.current.set(`revised_target:${s2.id}:${t.indicatorId}:${t.year}`, t.value);
  }
  reject(sheet, row, col, code, message) {
    this.rejectedCount++;
    if (this.rejected.length < IMPORT_LIMITS.maxListedRejections) this.rejected.push({ sheet, row, column: columnLetter(col), code, message });
  }
  notice(sheet, row, col, code, message) {
    if (this.notices.length < IMPORT_LIMITS.maxListedRejections) this.notices.push({ sheet, row, column: columnLetter(col), code, message });
  }
  finish() {
    const hidden = this.rejectedCount - this.rejected.length;
    if (hidden > 0) this.notice("", 0, 1, "too_many_rejections", `${hidden} more rejected cells are not listed`);
  }
  yearsFor(series) {
    const p = this.plan;
    if (series === "baseline") return [p.baselineYear, p.baselineYear];
    if (series === "original_target" || series === "revised_target") return [p.firstYear, p.lastYear];
    return [p.baselineYear, p.lastYear];
  }
  /** One value cell: parsed, validated, compared with the workbook. */
  cell(g, row, col, ind, year2, series, scenarioId) {
    const raw = cellAt(g, row, col);
    if (!raw) return;
    let value2;
    let footnote;
    const where = `${g.name}!${columnLetter(col)}${row}`;
    switch (raw.kind) {
      case "number":
        if (raw.mergedCopy) return;
        value2 = raw.value;
        if (raw.percent) {
          value2 = Number((value2 * 100).toPrecision(12));
          this.notice(g.name, row, col, "percent_format", `${where}: percent-formatted cell read as ${value2}`);
        }
        break;
      case "text": {
        if (raw.mergedCopy) return;
        const t = raw.text.trim();
        if (PLACEHOLDERS.has(t.toLowerCase())) return;
        if (t.length > 100) {
          this.reject(g.name, row, col, "not_a_number", `${where}: "${t.slice(0, 40)}\u2026" (${t.length} characters) is not a number`);
          return;
        }
        const parsed = parseNumber(t, { allowFootnotes: true });
        if (!parsed.ok) {
          this.reject(g.name, row, col, "not_a_number", `${where}: "${t.slice(0, 40)}" is not a number (${parsed.reason})`);
          return;
        }
        value2 = parsed.value;
        footnote = parsed.footnote;
        if (footnote) this.notice(g.name, row, col, "footnote_stripped", `${where}: footnote mark "${footnote}" stripped from "${t.slice(0, 40)}"`);
        break;
      }
      case "formula_without_value":
        this.reject(g.name, row, col, "formula_without_value", `${where}: a formula without a saved result; open and save the file in Excel first`);
        return;
      case "error":
        this.reject(g.name, row, col, "cell_error", `${where}: the cell holds an error (${raw.text})`);
        return;
      default:
        this.reject(g.name, row, col, "not_a_number", `${where}: not a number${raw.text ? ` (${raw.text})` : ""}`);
        return;
    }
    const [from, to] = this.yearsFor(series);
    if (year2 < from || year2 > to) {
      this.reject(g.name, row, col, "year_outside_plan", `${where}: ${year2} is outside ${from}\u2013${to} for this series`);
      return;
    }
    const problem = checkCellValue(ind, value2);
    if (problem === "too_many_decimals") {
      this.reject(g.name, row, col, "too_many_decimals", `${where}: ${value2} has more decimals than ${ind.code} keeps (${ind.decimals})`);
      return;
    }
    if (problem) {
      const range = `${ind.minValue ?? "\u2212\u221E"}\u2013${ind.maxValue ?? "\u221E"} ${ind.unit}`;
      this.reject(g.name, row, col, "out_of_range", `${where}: ${value2} is outside ${range} for ${ind.code}`);
      return;
    }
    const key = `${series}:${scenarioId ?? ""}:${ind.id}:${year2}`;
    if (this.seen.has(key)) {
      this.reject(g.name, row, col, "duplicate", `${where}: ${ind.code} ${year2} appears twice in the file`);
      return;
    }
    this.seen.add(key);
    const old = this.current.get(key);
    const cell = {
      sheet: g.name,
      row,
      column: columnLetter(col),
      indicatorId: ind.id,
      indicatorCode: ind.code,
      year: year2,
      series,
      scenarioId,
      oldValue: old ?? null,
      newValue: value2,
      ...footnote ? { footnote } : {}
    };
    if (old === void 0) this.new.push(cell);
    else if (old !== value2) this.changed.push(cell);
    else this.unchanged++;
  }
};
function findHeader(g) {
  for (const r2 of sortedRows(g)) {
    if (r2 > 30) break;
    for (const [c] of g.rows.get(r2)) {
      if (isWord(textAt(g, r2, c), HEADER_WORDS.indicator)) return { row: r2, indicatorCol: c };
    }
  }
  return null;
}
function columnWith(g, row, words) {
  for (const [c] of g.rows.get(row) ?? []) if (isWord(textAt(g, row, c), words)) return c;
  return null;
}
function rowIndicator(ctx, g, row, nameCol, codeCol, unitCol, hasValues) {
  const code = codeCol !== null ? textAt(g, row, codeCol) : "";
  const name = textAt(g, row, nameCol);
  if (!code && !name) {
    if (hasValues) ctx.out.reject(g.name, row, nameCol, "unknown_indicator", `${g.name}!${columnLetter(nameCol)}${row}: numbers without an indicator name`);
    return null;
  }
  const found = ctx.index.find(code || name);
  if ("problem" in found) {
    if (hasValues) {
      const col = code ? codeCol : nameCol;
      const text = (code || name).slice(0, 60);
      ctx.out.reject(g.name, row, col, found.problem, `${g.name}!${columnLetter(col)}${row}: ${found.problem === "ambiguous_indicator" ? "several indicators match" : "no indicator matches"} "${text}"`);
    }
    return null;
  }
  const ind = found.ind;
  if (unitCol !== null) {
    const unit = textAt(g, row, unitCol);
    if (unit && unitKey(unit) !== unitKey(ind.unit)) {
      if (hasValues) ctx.out.reject(g.name, row, unitCol, "unit_mismatch", `${g.name}!${columnLetter(unitCol)}${row}: unit "${unit.slice(0, 30)}" differs from ${ind.code}'s unit "${ind.unit}"`);
      return null;
    }
  }
  return ind;
}
function hasAny(g, row, cols) {
  for (const c of cols) {
    const cell = cellAt(g, row, c);
    if (cell && !("mergedCopy" in cell && cell.mergedCopy)) return true;
  }
  return false;
}
function noteFormulas(ctx, g) {
  let first = null;
  let count = 0;
  for (const r2 of sortedRows(g)) {
    for (const [c, cell] of g.rows.get(r2)) {
      if (cell.kind === "number" && cell.formula) {
        count++;
        first ??= [r2, c];
      }
    }
  }
  if (first) ctx.out.notice(g.name, first[0], first[1], "formula_cached_value", `${g.name}: ${count} formula cell(s) read as their saved results (formulas are never run)`);
  for (const n of g.notes) ctx.out.notice(g.name, n.row, n.col, "note_ignored", `${g.name}!${columnLetter(n.col)}${n.row}: the cell's note (comment) is ignored`);
}
function parseTemplate(ctx, g, target, scenarioId) {
  const header = findHeader(g);
  if (!header) return false;
  const years = /* @__PURE__ */ new Map();
  for (const [c, cell] of g.rows.get(header.row)) {
    const y = yearOf(cell);
    if (y !== null) years.set(c, y);
  }
  if (years.size === 0) return false;
  noteFormulas(ctx, g);
  const codeCol = columnWith(g, header.row, HEADER_WORDS.code);
  const unitCol = columnWith(g, header.row, HEADER_WORDS.unit);
  for (const r2 of sortedRows(g)) {
    if (r2 <= header.row) continue;
    const ind = rowIndicator(ctx, g, r2, header.indicatorCol, codeCol, unitCol, hasAny(g, r2, years.keys()));
    if (!ind) continue;
    for (const [c, year2] of years) ctx.out.cell(g, r2, c, ind, year2, target.series, scenarioId);
  }
  return true;
}
var SCENARIO_LINE = /^(?:Skenario|Scenario)\s*:\s*(.+?)(?:\s+\((?:usulan|draf|draft|proposal)\))?$/i;
function annexScenario(ctx, g, headerRow, target) {
  if (target.series === "revised_target" && target.scenarioId !== void 0) {
    return ctx.scenarios.find((s2) => s2.id === target.scenarioId) ?? null;
  }
  for (const r2 of sortedRows(g)) {
    if (r2 >= headerRow) break;
    for (const [c] of g.rows.get(r2)) {
      const line = textAt(g, r2, c);
      const m = line.length <= 300 ? SCENARIO_LINE.exec(line) : null;
      if (!m) continue;
      const name = m[1].trim();
      const s2 = ctx.scenarios.find((x) => x.name === name) ?? ctx.scenarios.find((x) => normalizeName(x.name) === normalizeName(name));
      if (!s2) ctx.out.reject(g.name, r2, c, "unknown_scenario", `${g.name}!${columnLetter(c)}${r2}: the workbook has no scenario "${name.slice(0, 60)}"; its Menjadi columns are skipped (choose a scenario to import them into)`);
      return s2 ?? null;
    }
  }
  return null;
}
function parseLampiranI(ctx, g, target) {
  const header = findHeader(g);
  if (!header) return null;
  const h1 = header.row;
  const h2 = h1 + 1;
  const columns = /* @__PURE__ */ new Map();
  const scenario = annexScenario(ctx, g, h1, target);
  for (const [c] of g.rows.get(h1)) {
    const text = textAt(g, h1, c);
    if (isWord(text.replace(/\s*\(\d{4}\)$/, ""), HEADER_WORDS.baseline)) {
      const y = /\((\d{4})\)$/.exec(text);
      if (y) columns.set(c, { year: Number(y[1]), series: "baseline" });
    }
  }
  for (const [c] of g.rows.get(h2) ?? []) {
    const sub = textAt(g, h2, c);
    const year2 = yearOf(cellAt(g, h1, c));
    if (year2 === null) continue;
    if (isWord(sub, HEADER_WORDS.original)) columns.set(c, { year: year2, series: "original_target" });
    else if (isWord(sub, HEADER_WORDS.revised) && scenario) columns.set(c, { year: year2, series: "revised_target" });
  }
  noteFormulas(ctx, g);
  const unitCol = columnWith(g, h1, HEADER_WORDS.unit);
  let previous = h2;
  for (const r2 of sortedRows(g)) {
    if (r2 <= h2) continue;
    if (r2 !== previous + 1 || !textAt(g, r2, header.indicatorCol) && !hasAny(g, r2, columns.keys())) break;
    previous = r2;
    const ind = rowIndicator(ctx, g, r2, header.indicatorCol, null, unitCol, hasAny(g, r2, columns.keys()));
    if (!ind) continue;
    for (const [c, { year: year2, series }] of columns) ctx.out.cell(g, r2, c, ind, year2, series, series === "revised_target" ? scenario.id : null);
  }
  return scenario;
}
function parseLampiranII(ctx, g) {
  const header = findHeader(g);
  if (!header) return;
  const yearCol = columnWith(g, header.row, HEADER_WORDS.year);
  const realCol = columnWith(g, header.row, HEADER_WORDS.realisation);
  if (yearCol === null || realCol === null) return;
  noteFormulas(ctx, g);
  const unitCol = columnWith(g, header.row, HEADER_WORDS.unit);
  let previous = header.row + 1;
  for (const r2 of sortedRows(g)) {
    if (r2 <= header.row + 1) continue;
    if (r2 !== previous + 1 || !textAt(g, r2, header.indicatorCol) && !cellAt(g, r2, realCol)) break;
    previous = r2;
    const year2 = yearOf(cellAt(g, r2, yearCol));
    if (year2 === null) continue;
    const ind = rowIndicator(ctx, g, r2, header.indicatorCol, null, unitCol, true);
    if (!ind) continue;
    ctx.out.cell(g, r2, realCol, ind, year2, "realisation", null);
  }
}
async function previewImport(wb, fileName, bytes, target) {
  const plan = wb.plan();
  const scenarios = wb.reads.scenarios();
  let scenario = null;
  if (target.series === "revised_target") {
    if (target.scenarioId === void 0) throw new AppError("bad_input", "Importing revised targets needs the scenario they belong to", {}, "target.scenarioId");
    scenario = scenarios.find((s2) => s2.id === target.scenarioId) ?? null;
    if (!scenario) throw new AppError("not_found", `Scenario ${target.scenarioId} does not exist`, { scenarioId: target.scenarioId }, "target.scenarioId");
  }
  const grids = await readGrids(fileName, bytes);
  const out = new Collector(wb, plan);
  for (const s2 of scenarios) out.loadScenario(s2);
  const ctx = { wb, plan, index: new IndicatorIndex(wb.indicators()), out, scenarios };
  let layout = "template";
  const lampiranI = grids.find((g) => g.name === "Lampiran I");
  const isAnnex = lampiranI && findHeader(lampiranI) && columnWith(lampiranI, findHeader(lampiranI).row + 1, [...HEADER_WORDS.original, ...HEADER_WORDS.revised]) !== null;
  if (isAnnex) {
    layout = "annex";
    scenario = parseLampiranI(ctx, lampiranI, target);
    const lampiranII = grids.find((g) => g.name === "Lampiran II");
    if (lampiranII) parseLampiranII(ctx, lampiranII);
  } else {
    let read = 0;
    for (const g of grids) if (parseTemplate(ctx, g, target, scenario?.id ?? null)) read++;
    if (read === 0) {
      throw new AppError("bad_input", `${fileName}: no sheet has a header row with "Indikator" and year columns (e.g. Indikator | Satuan | 2021 | 2022); download the template to see the layout`, { file: fileName, reason: "no_layout" });
    }
  }
  out.finish();
  return {
    fileName,
    layout,
    scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
    new: out.new,
    changed: out.changed,
    unchanged: out.unchanged,
    rejected: out.rejected,
    notices: out.notices
  };
}

// electron/annex/template.ts
import ExcelJS3 from "exceljs";
async function buildTemplate(wb, lang = "id") {
  const L = LABELS[lang];
  const plan = wb.plan();
  const years = [];
  for (let y = plan.baselineYear; y <= plan.lastYear; y++) years.push(y);
  const book = new ExcelJS3.Workbook();
  book.creator = "RPJMD Workbench";
  const ws = book.addWorksheet(L.template.sheet);
  const lastCol = 3 + years.length;
  [8, 40, 14, ...years.map(() => 10)].forEach((w, i) => ws.getColumn(i + 1).width = w);
  ws.mergeCells(1, 1, 1, lastCol);
  put(ws, 1, 1, `${L.docTitle} \u2014 ${plan.region} ${plan.firstYear}\u2013${plan.lastYear}`, { bold: true, size: 11 });
  const h = 3;
  [L.template.code, L.indicator, L.unit, ...years].forEach((t, i) => put(ws, h, i + 1, t, { bold: true, h: "center", fill: COLORS.header }));
  let row = h + 1;
  for (const ind of wb.indicators()) {
    put(ws, row, 1, ind.code, {});
    put(ws, row, 2, lang === "en" ? ind.nameEn : ind.nameId, {});
    put(ws, row, 3, ind.unit, { h: "center" });
    for (let c = 4; c <= lastCol; c++) put(ws, row, c, null, { h: "right" });
    row++;
  }
  boxAll(ws, h, 1, row - 1, lastCol);
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: h }];
  const help = book.addWorksheet(lang === "en" ? "Help" : "Petunjuk");
  help.getColumn(1).width = 110;
  L.template.help.forEach((line, i) => put(help, i + 1, 1, line, { size: 10 }));
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const region = plan.region.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-");
  return { fileName: `${lang === "en" ? "Import-template" : "Templat-impor"}-${region}.xlsx`, buffer };
}

// electron/workbook/caches.ts
function cellKey2(indicatorId, year2) {
  return indicatorId * 1e4 + year2;
}
function keyIndicator(key) {
  return Math.floor(key / 1e4);
}
function keyYear(key) {
  return key % 1e4;
}
function emptyEffect(action, kind) {
  return { action, kind, targets: /* @__PURE__ */ new Map(), justifications: /* @__PURE__ */ new Map(), scenarios: /* @__PURE__ */ new Set(), otherData: false };
}
var Caches = class {
  constructor(st) {
    this.st = st;
  }
  st;
  slots = /* @__PURE__ */ new Map();
  dataVersion = null;
  /** Grows whenever everything is dropped, so a revision taken before never matches after. */
  epoch = 0;
  /** The kept state under `key`, made when missing (or dropped by a write from elsewhere). */
  get(key, make) {
    this.validate();
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, slot = make());
    return slot;
  }
  /** The one invalidation point for this connection's own writes. */
  afterEdit(effect) {
    for (const [key, slot] of this.slots) if (!slot.afterEdit(effect)) this.slots.delete(key);
  }
  /** Drops everything when another connection committed since we last looked. */
  validate() {
    const version = this.st.get("PRAGMA data_version").pluck().get();
    if (this.dataVersion !== null && version !== this.dataVersion) {
      this.slots.clear();
      this.epoch++;
    }
    this.dataVersion = version;
  }
  get generation() {
    return this.epoch;
  }
};
var EditCounter = class {
  constructor(counts) {
    this.counts = counts;
  }
  counts;
  count = 0;
  afterEdit(effect) {
    if (this.counts(effect.action)) this.count++;
    return true;
  }
};

// electron/services/checks.ts
var KeptChecks = class {
  constructor(base) {
    this.base = base;
  }
  base;
  scenarios = /* @__PURE__ */ new Map();
  afterEdit(effect) {
    if (!catchesUpByIndicator(effect.action) || effect.otherData) return false;
    const mark = (scenarioId, indicatorId) => this.scenarios.get(scenarioId)?.pending.add(indicatorId);
    for (const [sid2, cells2] of effect.targets) for (const key of cells2.keys()) mark(sid2, keyIndicator(key));
    for (const [sid2, ids] of effect.justifications) for (const id3 of ids) mark(sid2, id3);
    return true;
  }
};
function checkScenario(wb, scenarioId) {
  wb.reads.scenario(scenarioId);
  const c = wb.caches.get("checks", () => new KeptChecks({ plan: wb.plan(), indicators: wb.indicators(), values: wb.values(), references: wb.references(), shockYears: wb.shockYears() }));
  let s2 = c.scenarios.get(scenarioId);
  if (s2 && s2.pending.size > c.base.indicators.length / 4) {
    c.scenarios.delete(scenarioId);
    s2 = void 0;
  }
  if (!s2) {
    const { targets, justifications } = wb.reads.targets(scenarioId);
    s2 = { state: new CheckState({ ...c.base, targets, justifications }), pending: /* @__PURE__ */ new Set() };
    c.scenarios.set(scenarioId, s2);
  } else if (s2.pending.size > 0) {
    s2.state.update([...s2.pending].map((indicatorId) => ({ indicatorId, ...wb.reads.indicatorTargets(scenarioId, indicatorId) })));
    s2.pending.clear();
  }
  const findings = s2.state.findings();
  return { scenarioId, findings, counts: countBySeverity(findings) };
}
function requireNoErrors(report, action) {
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return;
  const shown = errors.slice(0, 3).map((f) => f.message.en).join("; ");
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
  throw new AppError("blocked", `Cannot ${action}: ${errors.length} error(s) in Pemeriksaan: ${shown}${more}`, {
    errors: errors.length
  });
}

// electron/services/annex.ts
function signerPath(dataDir) {
  return path2.join(dataDir, "annex-signer.json");
}
var signerSchema = z2.object({
  place: z2.string().max(200).optional(),
  name: z2.string().max(200),
  title: z2.string().max(200),
  nip: z2.string().max(40)
});
var SignerStore = class {
  constructor(file2) {
    this.file = file2;
  }
  file;
  get() {
    try {
      const parsed = signerSchema.safeParse(JSON.parse(fs2.readFileSync(this.file, "utf8")));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  set(signer2) {
    const clean = { name: signer2.name.trim(), title: signer2.title.trim(), nip: signer2.nip.trim(), ...signer2.place?.trim() ? { place: signer2.place.trim() } : {} };
    fs2.mkdirSync(path2.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${crypto2.randomBytes(4).toString("hex")}.tmp`;
    fs2.writeFileSync(temp, JSON.stringify(clean, null, 2));
    fs2.renameSync(temp, this.file);
    return clean;
  }
};
function today(now = /* @__PURE__ */ new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
function revisionOf(wb) {
  const count = wb.caches.get("import-revision", () => new EditCounter(makesImportStale)).count;
  return `${wb.caches.generation}:${count}`;
}
function checkedReport(wb, opts) {
  const report = checkScenario(wb, resolveScenario(wb, opts.scenarioId).id);
  requireNoErrors(report, "export the annex");
  return report;
}
var AnnexService = class {
  constructor(session) {
    this.session = session;
    this.signer = new SignerStore(signerPath(session.options.dataDir));
  }
  session;
  signer;
  kept = null;
  options(input) {
    return {
      scenarioId: input.scenarioId,
      language: input.language ?? "id",
      paper: input.paper ?? "A4",
      signer: input.signer ?? this.signer.get(),
      date: input.date ?? today()
    };
  }
  result(wb, opts, built, where, bytes) {
    return {
      path: where,
      fileName: where ? path2.basename(where) : annexFileName(wb.plan(), opts.language),
      scenarioId: built.scenario.id,
      scenarioName: built.scenario.name,
      sheets: [...ANNEX_SHEETS],
      findings: built.report.counts,
      bytes
    };
  }
  async exportTo(input) {
    const wb = this.session.require();
    const opts = this.options(input);
    const written = await writeAnnex(wb, opts, checkedReport(wb, opts), input.path, input.overwrite ?? false);
    return this.result(wb, opts, written, written.path, written.bytes);
  }
  async exportBytes(input) {
    const wb = this.session.require();
    const opts = this.options(input);
    const built = await annexBuffer(wb, opts, checkedReport(wb, opts));
    return { ...this.result(wb, opts, built, null, built.buffer.length), base64: built.buffer.toString("base64") };
  }
  async template(language) {
    const t = await buildTemplate(this.session.require(), language);
    return { fileName: t.fileName, base64: t.buffer.toString("base64") };
  }
  read(source) {
    const cap = IMPORT_LIMITS.maxFileBytes;
    if ("path" in source) {
      const name2 = path2.basename(source.path);
      let stat;
      try {
        stat = fs2.statSync(source.path);
      } catch {
        throw new AppError("not_found", `File not found: ${source.path}`, { file: name2 }, "source.path");
      }
      if (!stat.isFile()) throw new AppError("refused_file", `${name2} is not a file`, { file: name2, reason: "unsupported" });
      if (stat.size > cap) {
        throw new AppError("refused_file", `${name2}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB; at most ${cap / 1024 / 1024} MB can be imported`, { file: name2, reason: "too_large" });
      }
      return { name: name2, bytes: fs2.readFileSync(source.path) };
    }
    const name = path2.basename(source.name.replace(/\\/g, "/"));
    if (source.base64.length > Math.ceil(cap / 3) * 4 + 4) {
      throw new AppError("refused_file", `${name}: larger than ${cap / 1024 / 1024} MB; at most that can be imported`, { file: name, reason: "too_large" });
    }
    return { name, bytes: Buffer.from(source.base64, "base64") };
  }
  /** Reads a file into a preview and keeps it (replacing any earlier one). Writes nothing. */
  async preview(source, target) {
    const wb = this.session.require();
    const { name, bytes } = this.read(source);
    const body = await previewImport(wb, name, bytes, target);
    const preview = { previewId: crypto2.randomBytes(8).toString("hex"), ...body };
    this.kept = { preview, workbookPath: wb.path, revision: revisionOf(wb) };
    return preview;
  }
  /** Writes the kept preview's new and changed cells, refusing a preview the workbook has moved past. */
  apply(previewId) {
    const wb = this.session.require();
    const kept = this.kept;
    if (!kept || kept.preview.previewId !== previewId) {
      throw new AppError("not_found", "This import preview is no longer available; read the file again", { previewId }, "previewId");
    }
    if (kept.workbookPath !== wb.path || kept.revision !== revisionOf(wb)) {
      this.kept = null;
      throw new AppError("stale", "The workbook changed after this preview was made; read the file again to see what would change now", { previewId });
    }
    const cells2 = [...kept.preview.new, ...kept.preview.changed];
    const result = applyImport(wb, { user: this.session.userName }, kept.preview.fileName, cells2);
    this.kept = null;
    return result;
  }
  discard() {
    this.kept = null;
  }
};

// electron/services/handlers.ts
var APP_NAME = "RPJMD Workbench";
function createHandlers(session) {
  const wb = () => session.require();
  const actor = () => ({ user: session.userName });
  const references = () => ({ references: session.require().references(), shockYears: session.require().shockYears() });
  const annex = new AnnexService(session);
  return {
    "app.info": () => ({ name: APP_NAME, version: session.options.appVersion, host: session.options.host }),
    "workbook.current": () => session.current ? session.summary() : null,
    "workbook.values": ({ series }) => session.require().values(series),
    "workbook.open": async ({ path: path10, readOnly }) => session.summary(await session.open(path10, readOnly ?? false)),
    "workbook.create": async ({ path: path10, plan }) => session.summary(await session.create(path10, plan)),
    "workbook.saveAs": async ({ path: path10, overwrite }) => session.summary(await session.saveAs(path10, overwrite ?? false)),
    "workbook.saveBack": () => session.saveBack(),
    "workbook.close": async () => {
      await session.close();
      return null;
    },
    "workbook.openDemo": async () => session.summary(await session.openDemo()),
    "recent.list": () => session.recent.list(),
    "scenario.create": ({ name, description: description2, from }) => createScenario(wb(), actor(), name, description2 ?? "", from),
    "scenario.update": ({ scenarioId, name, description: description2 }) => updateScenario(wb(), actor(), scenarioId, { name, description: description2 }),
    "scenario.delete": ({ scenarioId }) => {
      deleteScenario(wb(), actor(), scenarioId);
      return null;
    },
    "scenario.setStatus": ({ scenarioId, status }) => {
      if (status === "usulan") requireNoErrors(checkScenario(wb(), scenarioId), "mark this scenario usulan");
      return setScenarioStatus(wb(), actor(), scenarioId, status);
    },
    "scenario.targets": ({ scenarioId }) => wb().reads.targets(scenarioId),
    "targets.set": ({ scenarioId, action, cells: cells2 }) => setTargets(wb(), actor(), scenarioId, cells2, action),
    "justification.set": ({ scenarioId, indicatorId, text }) => setJustification(wb(), actor(), scenarioId, indicatorId, text),
    "history.state": () => wb().reads.history(),
    "history.undo": () => ({ step: wb().undo(actor()), state: wb().reads.history() }),
    "history.redo": () => ({ step: wb().redo(actor()), state: wb().reads.history() }),
    "checks.run": ({ scenarioId }) => checkScenario(wb(), scenarioId),
    "references.list": () => references(),
    "references.save": (ref) => {
      saveReference(wb(), actor(), ref);
      return references();
    },
    "references.delete": ({ id: id3 }) => {
      deleteReference(wb(), actor(), id3);
      return references();
    },
    "changelog.list": ({ scenarioId, limit }) => wb().reads.changeLog(scenarioId, limit ?? 500),
    "annex.signer.get": () => annex.signer.get(),
    "annex.signer.set": (signer2) => annex.signer.set(signer2),
    "annex.export": (input) => annex.exportTo(input),
    "annex.exportBytes": (input) => annex.exportBytes(input),
    "import.template": ({ language }) => annex.template(language ?? "id"),
    "import.preview": ({ source, target }) => annex.preview(source, target ?? { series: "realisation" }),
    "import.apply": ({ previewId }) => annex.apply(previewId)
  };
}

// electron/services/session.ts
import fs9 from "node:fs";
import os3 from "node:os";
import path9 from "node:path";

// electron/workbook/demo.ts
import { z as z3 } from "zod";

// resources/demo/muara-enim.json
var muara_enim_default = {
  $comment: "Source data of the Kabupaten Muara Enim demo workbook. Every value names its sources (keys of `sources`); values with `illustrative: true` were NOT found in public sources and are plausible stand-ins, shown as 'ilustrasi' in the app and the annex. Compiled from ../shared/data/muara-enim.md of the project.",
  plan: {
    region: "Kabupaten Muara Enim",
    province: "Sumatera Selatan",
    baselineYear: 2017,
    firstYear: 2018,
    lastYear: 2023
  },
  sources: {
    a: "detak-palembang.com, Februari 2021, mengutip BPS",
    b: "rmolsumsel.id",
    c: "sumsel.antaranews.com/berita/748404",
    e: "sumsel.antaranews.com/berita/750219",
    f: "radarpalembang.bacakoran.co/amp/7025 (seri BPS Sumsel)",
    g: "enimekspres.disway.id/amp/467081",
    h: "enimekspres.bacakoran.co/read/12169",
    i: "muaraenimkab.go.id",
    j: "salinan wiki tabel IPM BPS",
    l: "enimekspres.disway.id/amp/467178 (Sensus Penduduk 2020)",
    s: "Pemkab Muara Enim, Rakor TKPK 2021 (2 Desember 2021)"
  },
  illustrativeSource: "Ilustrasi: angka contoh yang masuk akal, bukan angka BPS atau Perda (target RPJMD asli dan kondisi awal 2017 tidak ditemukan di sumber publik)",
  values: [
    { indicator: "P0", series: "realisation", year: 2018, value: 12.56, sources: ["a"] },
    { indicator: "P0", series: "realisation", year: 2019, value: 12.41, sources: ["a"] },
    { indicator: "P0", series: "realisation", year: 2020, value: 12.32, sources: ["s", "a"] },
    { indicator: "P0", series: "realisation", year: 2022, value: 11.12, sources: ["b"] },
    { indicator: "P0", series: "realisation", year: 2023, value: 10.93, sources: ["c"] },
    { indicator: "JPM", series: "realisation", year: 2020, value: 79270, sources: ["s"] },
    { indicator: "P0E", series: "realisation", year: 2020, value: 4.44, sources: ["s", "e"], note: "angka kabupaten; seri 2021 dari BPS Sumsel mungkin berbeda garis/metode" },
    { indicator: "P0E", series: "realisation", year: 2021, value: 1.52, sources: ["f"], note: "seri BPS Sumsel; tidak sebanding langsung dengan angka kabupaten 2020" },
    { indicator: "P0E", series: "realisation", year: 2023, value: 1.39, sources: ["c"] },
    { indicator: "JPME", series: "realisation", year: 2020, value: 28540, sources: ["s"] },
    { indicator: "PE", series: "realisation", year: 2019, value: 7.02, sources: ["g"] },
    { indicator: "PE", series: "realisation", year: 2020, value: 0.03, sources: ["g"] },
    { indicator: "PE", series: "realisation", year: 2022, value: 8.73, sources: ["h"], note: "muaraenimkab.go.id menyebut 8,39" },
    { indicator: "PE", series: "realisation", year: 2023, value: 8.58, sources: ["i"] },
    { indicator: "IPM", series: "realisation", year: 2021, value: 68.86, sources: ["j"] },
    { indicator: "IPM", series: "realisation", year: 2023, value: 72.33, sources: ["i"], note: "metode baru BPS 2024; tidak sebanding dengan 68,86 (2021)" },
    { indicator: "TPT", series: "realisation", year: 2023, value: 3.92, sources: ["i"] },
    { indicator: "POP", series: "realisation", year: 2020, value: 612900, sources: ["l"] },
    { indicator: "P0", series: "baseline", year: 2017, value: 12.9, illustrative: true },
    { indicator: "JPM", series: "baseline", year: 2017, value: 78900, illustrative: true },
    { indicator: "PE", series: "baseline", year: 2017, value: 5.4, illustrative: true },
    { indicator: "TPT", series: "baseline", year: 2017, value: 4.6, illustrative: true },
    { indicator: "IPM", series: "baseline", year: 2017, value: 66.4, illustrative: true },
    { indicator: "GINI", series: "baseline", year: 2017, value: 0.32, illustrative: true },
    { indicator: "P1", series: "baseline", year: 2017, value: 2.1, illustrative: true },
    { indicator: "P2", series: "baseline", year: 2017, value: 0.52, illustrative: true },
    { indicator: "POP", series: "baseline", year: 2017, value: 611500, illustrative: true },
    { indicator: "P0", series: "original_target", year: 2018, value: 12.5, illustrative: true },
    { indicator: "P0", series: "original_target", year: 2019, value: 12.1, illustrative: true },
    { indicator: "P0", series: "original_target", year: 2020, value: 11.7, illustrative: true },
    { indicator: "P0", series: "original_target", year: 2021, value: 11.3, illustrative: true },
    { indicator: "P0", series: "original_target", year: 2022, value: 10.9, illustrative: true },
    { indicator: "P0", series: "original_target", year: 2023, value: 10.5, illustrative: true },
    { indicator: "JPM", series: "original_target", year: 2018, value: 76900, illustrative: true },
    { indicator: "JPM", series: "original_target", year: 2019, value: 74800, illustrative: true },
    { indicator: "JPM", series: "original_target", year: 2020, value: 72700, illustrative: true },
    { indicator: "JPM", series: "original_target", year: 2021, value: 70500, illustrative: true },
    { indicator: "JPM", series: "original_target", year: 2022, value: 68300, illustrative: true },
    { indicator: "JPM", series: "original_target", year: 2023, value: 66100, illustrative: true },
    { indicator: "PE", series: "original_target", year: 2018, value: 5.6, illustrative: true },
    { indicator: "PE", series: "original_target", year: 2019, value: 5.8, illustrative: true },
    { indicator: "PE", series: "original_target", year: 2020, value: 6, illustrative: true },
    { indicator: "PE", series: "original_target", year: 2021, value: 6.2, illustrative: true },
    { indicator: "PE", series: "original_target", year: 2022, value: 6.4, illustrative: true },
    { indicator: "PE", series: "original_target", year: 2023, value: 6.5, illustrative: true },
    { indicator: "TPT", series: "original_target", year: 2018, value: 4.5, illustrative: true },
    { indicator: "TPT", series: "original_target", year: 2019, value: 4.4, illustrative: true },
    { indicator: "TPT", series: "original_target", year: 2020, value: 4.3, illustrative: true },
    { indicator: "TPT", series: "original_target", year: 2021, value: 4.2, illustrative: true },
    { indicator: "TPT", series: "original_target", year: 2022, value: 4.1, illustrative: true },
    { indicator: "TPT", series: "original_target", year: 2023, value: 4, illustrative: true },
    { indicator: "IPM", series: "original_target", year: 2018, value: 66.8, illustrative: true },
    { indicator: "IPM", series: "original_target", year: 2019, value: 67.2, illustrative: true },
    { indicator: "IPM", series: "original_target", year: 2020, value: 67.6, illustrative: true },
    { indicator: "IPM", series: "original_target", year: 2021, value: 68, illustrative: true },
    { indicator: "IPM", series: "original_target", year: 2022, value: 68.4, illustrative: true },
    { indicator: "IPM", series: "original_target", year: 2023, value: 68.8, illustrative: true },
    { indicator: "GINI", series: "original_target", year: 2018, value: 0.318, illustrative: true },
    { indicator: "GINI", series: "original_target", year: 2019, value: 0.316, illustrative: true },
    { indicator: "GINI", series: "original_target", year: 2020, value: 0.314, illustrative: true },
    { indicator: "GINI", series: "original_target", year: 2021, value: 0.312, illustrative: true },
    { indicator: "GINI", series: "original_target", year: 2022, value: 0.31, illustrative: true },
    { indicator: "GINI", series: "original_target", year: 2023, value: 0.308, illustrative: true },
    { indicator: "P1", series: "original_target", year: 2018, value: 2.05, illustrative: true },
    { indicator: "P1", series: "original_target", year: 2019, value: 2, illustrative: true },
    { indicator: "P1", series: "original_target", year: 2020, value: 1.95, illustrative: true },
    { indicator: "P1", series: "original_target", year: 2021, value: 1.9, illustrative: true },
    { indicator: "P1", series: "original_target", year: 2022, value: 1.85, illustrative: true },
    { indicator: "P1", series: "original_target", year: 2023, value: 1.8, illustrative: true },
    { indicator: "P2", series: "original_target", year: 2018, value: 0.5, illustrative: true },
    { indicator: "P2", series: "original_target", year: 2019, value: 0.48, illustrative: true },
    { indicator: "P2", series: "original_target", year: 2020, value: 0.46, illustrative: true },
    { indicator: "P2", series: "original_target", year: 2021, value: 0.44, illustrative: true },
    { indicator: "P2", series: "original_target", year: 2022, value: 0.42, illustrative: true },
    { indicator: "P2", series: "original_target", year: 2023, value: 0.4, illustrative: true }
  ]
};

// electron/workbook/store.ts
import fs5 from "node:fs";
import path4 from "node:path";
import crypto3 from "node:crypto";
import Database from "better-sqlite3";

// electron/workbook/file-format.ts
import fs3 from "node:fs";
var APPLICATION_ID = 1380993613;
var MAGIC = Buffer.from("SQLite format 3\0", "latin1");
var HEADER_SIZE = 100;
function readHeader(filePath2) {
  const fd = fs3.openSync(filePath2, "r");
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    const read = fs3.readSync(fd, header, 0, HEADER_SIZE, 0);
    if (read === 0) return { kind: "not-sqlite", reason: "the file is empty" };
    if (read < HEADER_SIZE || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      return { kind: "not-sqlite", reason: "it is not an SQLite database" };
    }
    return { kind: "sqlite", userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
  } finally {
    fs3.closeSync(fd);
  }
}

// electron/workbook/migrations.ts
var V2_INDICATOR_RANGES = [
  { code: "PE", minValue: -100, maxValue: 100 },
  { code: "TPT", minValue: 0, maxValue: 100 },
  { code: "IPM", minValue: 0, maxValue: 100 },
  { code: "GINI", minValue: 0, maxValue: 1 },
  { code: "POP", minValue: 0, maxValue: null },
  { code: "P0", minValue: 0, maxValue: 100 },
  { code: "JPM", minValue: 0, maxValue: null },
  { code: "P0E", minValue: 0, maxValue: 100 },
  { code: "JPME", minValue: 0, maxValue: null },
  { code: "P1", minValue: 0, maxValue: null },
  { code: "P2", minValue: 0, maxValue: null },
  { code: "GK", minValue: 0, maxValue: null }
];
var V3_REFERENCES_ALL = [
  {
    indicatorCode: "P0E",
    kind: "level",
    comparison: "eq",
    year: 2024,
    value: 0,
    label: "Inpres 4/2022",
    source: "Inpres 4/2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem: 0 % pada 2024 (antaranews.com/berita/2939465)"
  }
];
var V3_REFERENCES_SUMSEL = [
  {
    indicatorCode: "P0",
    kind: "level",
    comparison: "lt",
    year: 2024,
    value: 10,
    label: "Gubernur Sumsel",
    source: "Gubernur Sumatera Selatan: setiap kab/kota di bawah 10 % pada 2024 (rmolsumsel.id; bappeda.sumselprov.go.id/berita/913)"
  },
  {
    indicatorCode: "P0",
    kind: "annual_change",
    comparison: "le",
    year: null,
    value: -1,
    label: "Gubernur Sumsel",
    source: "Gubernur Sumatera Selatan: kemiskinan turun sedikitnya 1 poin persen per tahun (bappeda.sumselprov.go.id/berita/913)"
  }
];
var V3_SHOCK_YEARS = [
  { year: 2020, reason: "Pandemi COVID-19" },
  { year: 2021, reason: "Pandemi COVID-19" }
];
var MIGRATIONS = [
  {
    version: 1,
    description: "plan, indicators, values, scenarios, targets, justifications, append-only change log",
    up(db) {
      db.exec(`
        CREATE TABLE plan (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          region TEXT NOT NULL,
          province TEXT NOT NULL,
          baseline_year INTEGER NOT NULL,
          first_year INTEGER NOT NULL,
          last_year INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          CHECK (baseline_year < first_year AND first_year <= last_year)
        );
        CREATE TABLE indicator (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name_id TEXT NOT NULL,
          name_en TEXT NOT NULL,
          unit TEXT NOT NULL,
          polarity TEXT NOT NULL CHECK (polarity IN ('lower', 'higher', 'neutral')),
          decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
          grp TEXT NOT NULL CHECK (grp IN ('makro', 'kemiskinan')),
          definition TEXT NOT NULL DEFAULT '',
          sort_order INTEGER NOT NULL
        );
        CREATE TABLE value (
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          series TEXT NOT NULL CHECK (series IN ('baseline', 'original_target', 'realisation', 'projection')),
          value REAL NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
          PRIMARY KEY (indicator_id, year, series)
        ) WITHOUT ROWID;
        CREATE TABLE scenario (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          description TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'usulan')),
          created_at TEXT NOT NULL
        );
        -- At most one scenario is the proposal (usulan).
        CREATE UNIQUE INDEX scenario_one_usulan ON scenario(status) WHERE status = 'usulan';
        CREATE TABLE scenario_target (
          scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          value REAL NOT NULL,
          PRIMARY KEY (scenario_id, indicator_id, year)
        ) WITHOUT ROWID;
        CREATE TABLE justification (
          scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          text TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (scenario_id, indicator_id)
        ) WITHOUT ROWID;
        -- Append-only: scenario and indicator are kept by value (names too) so that the log
        -- still reads after a scenario is deleted.
        CREATE TABLE change_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          user TEXT NOT NULL,
          action TEXT NOT NULL,
          scenario_id INTEGER,
          scenario_name TEXT,
          indicator_code TEXT,
          year INTEGER,
          series TEXT,
          old_value REAL,
          new_value REAL,
          justification TEXT,
          detail TEXT
        );
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
      `);
    }
  },
  {
    version: 2,
    description: "undo history kept in the file; which of rate/count the planner typed; capaian formula per indicator",
    up(db) {
      db.exec(`
        -- entered: typed by the planner; derived: computed from its rate/count partner and population.
        ALTER TABLE scenario_target ADD COLUMN origin TEXT NOT NULL DEFAULT 'entered'
          CHECK (origin IN ('entered', 'derived'));
        -- Capaian formula for lower-is-better indicators (see shared/model/capaian.ts).
        ALTER TABLE indicator ADD COLUMN capaian_formula TEXT;
        -- The range a value may take (NULL: unbounded), e.g. 0\u2013100 for a share in percent.
        ALTER TABLE indicator ADD COLUMN min_value REAL;
        ALTER TABLE indicator ADD COLUMN max_value REAL;
        -- One row per API write; state 'undone' rows are the redo stack.
        CREATE TABLE undo_step (
          id INTEGER PRIMARY KEY,
          label TEXT NOT NULL,
          scenario_id INTEGER,
          at TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone'))
        );
        -- Row images before and after the step, as JSON; NULL means the row did not exist.
        CREATE TABLE undo_row (
          step_id INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          tbl TEXT NOT NULL,
          row_key TEXT NOT NULL,
          before TEXT,
          after TEXT,
          PRIMARY KEY (step_id, seq)
        ) WITHOUT ROWID;
      `);
      const range = db.prepare("UPDATE indicator SET min_value = ?, max_value = ? WHERE code = ?");
      for (const r2 of V2_INDICATOR_RANGES) range.run(r2.minValue, r2.maxValue, r2.code);
    }
  },
  {
    version: 3,
    description: "reference targets (RPJMN, Inpres, Governor) and shock years as workbook data",
    up(db) {
      db.exec(`
        CREATE TABLE reference_target (
          id INTEGER PRIMARY KEY,
          indicator_code TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('level', 'annual_change')),
          comparison TEXT NOT NULL CHECK (comparison IN ('lt', 'le', 'eq', 'ge', 'gt')),
          year INTEGER,
          value REAL NOT NULL,
          label TEXT NOT NULL,
          source TEXT NOT NULL,
          CHECK ((kind = 'level') = (year IS NOT NULL))
        );
        CREATE TABLE shock_year (
          year INTEGER PRIMARY KEY,
          reason TEXT NOT NULL
        );
      `);
      const plan = db.prepare("SELECT province FROM plan WHERE id = 1").get();
      if (plan) {
        const sumsel = plan.province.trim().toLowerCase() === "sumatera selatan";
        const insert = db.prepare(
          "INSERT INTO reference_target (indicator_code, kind, comparison, year, value, label, source) VALUES (@indicatorCode, @kind, @comparison, @year, @value, @label, @source)"
        );
        for (const r2 of [...V3_REFERENCES_ALL, ...sumsel ? V3_REFERENCES_SUMSEL : []]) insert.run(r2);
        const shock = db.prepare("INSERT OR IGNORE INTO shock_year (year, reason) VALUES (?, ?)");
        for (const s2 of V3_SHOCK_YEARS) shock.run(s2.year, s2.reason);
      }
    }
  },
  {
    version: 4,
    description: "change log as steps and entries behind a change_log view; compact undo (one packed row per step); capaian_formula dropped",
    up(db) {
      db.exec(`
        -- One row per edit, undo or redo: who, when, which action (shared/changes.ts), for which
        -- scenario, and the undo step it did, undid or redid (NULL before v4).
        CREATE TABLE change_step (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          user TEXT NOT NULL,
          action TEXT NOT NULL,
          kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
          scenario_id INTEGER,
          scenario_name TEXT,
          undo_step_id INTEGER
        );
        -- One row per cell changed, per indicator whose cells a step changed together (their
        -- years in cells: JSON [[year, old, new, derived], \u2026], with year/old/new NULL on the row),
        -- or per note of a step that names no cell. Scenario and indicator are kept by value so
        -- the log still reads after a scenario is deleted; scenario_name is NULL where it is the
        -- step's own.
        CREATE TABLE change_entry (
          id INTEGER PRIMARY KEY,
          change_step_id INTEGER NOT NULL REFERENCES change_step(id),
          scenario_id INTEGER,
          scenario_name TEXT,
          indicator_code TEXT,
          year INTEGER,
          series TEXT,
          old_value REAL,
          new_value REAL,
          derived INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1)),
          justification TEXT,
          detail TEXT,
          cells TEXT
        );
        -- No indexes: entries are appended in id order and read back whole or by a scan; an index
        -- would be written with every cell of every paste.
        CREATE TRIGGER change_step_no_update BEFORE UPDATE ON change_step
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_step_no_delete BEFORE DELETE ON change_step
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_entry_no_update BEFORE UPDATE ON change_entry
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_entry_no_delete BEFORE DELETE ON change_entry
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

        -- The v1\u2013v3 log, one step and one entry per row. Its older spellings become columns:
        -- 'target.edit:derived', 'undo:target.paste', an 'undo' entry naming its step in detail,
        -- 'import' (the app's own rewrite of its own format, once).
        CREATE TEMP TABLE legacy AS
          SELECT id, at, user, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, justification, detail,
                 action AS raw,
                 CASE WHEN action LIKE '%:derived' THEN 1 ELSE 0 END AS derived
          FROM change_log;
        UPDATE legacy SET raw = substr(raw, 1, length(raw) - 8) WHERE derived = 1;
        ALTER TABLE legacy ADD COLUMN kind TEXT NOT NULL DEFAULT 'do';
        UPDATE legacy SET kind = substr(raw, 1, 4), raw = substr(raw, 6) WHERE raw LIKE 'undo:%' OR raw LIKE 'redo:%';
        UPDATE legacy SET kind = raw, raw = coalesce(detail, 'import.apply'), detail = NULL WHERE raw IN ('undo', 'redo');
        UPDATE legacy SET raw = 'import.apply' WHERE raw = 'import';
        INSERT INTO change_step (id, at, user, action, kind, scenario_id, scenario_name)
          SELECT id, at, user, raw, kind, scenario_id, scenario_name FROM legacy ORDER BY id;
        INSERT INTO change_entry (id, change_step_id, scenario_id, indicator_code, year, series, old_value, new_value, derived, justification, detail)
          SELECT id, id, scenario_id, indicator_code, year, series, old_value, new_value, derived, justification, detail FROM legacy ORDER BY id;
        DROP TABLE legacy;
        DROP TRIGGER change_log_no_update;
        DROP TRIGGER change_log_no_delete;
        DROP TABLE change_log;

        -- The log as one table for readers (the app and any SQLite tool): one row per cell, in
        -- the order written (id: the entry's id \xD7 65536 + the cell's place in it).
        CREATE VIEW change_log AS
          SELECT (e.id << 16) + coalesce(c.key, 0) AS id, s.at AS at, s.user AS user, s.action AS action, s.kind AS kind,
                 CASE WHEN c.key IS NULL THEN e.derived ELSE json_extract(c.value, '$[3]') END AS derived,
                 s.undo_step_id AS step_id, e.scenario_id AS scenario_id,
                 coalesce(e.scenario_name, CASE WHEN e.scenario_id = s.scenario_id THEN s.scenario_name END) AS scenario_name,
                 e.indicator_code AS indicator_code,
                 CASE WHEN c.key IS NULL THEN e.year ELSE json_extract(c.value, '$[0]') END AS year,
                 e.series AS series,
                 CASE WHEN c.key IS NULL THEN e.old_value ELSE json_extract(c.value, '$[1]') END AS old_value,
                 CASE WHEN c.key IS NULL THEN e.new_value ELSE json_extract(c.value, '$[2]') END AS new_value,
                 e.justification AS justification, e.detail AS detail
          FROM change_entry e JOIN change_step s ON s.id = e.change_step_id
          LEFT JOIN json_each(e.cells) c;
        CREATE TRIGGER change_log_no_insert INSTEAD OF INSERT ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only, written by the app through change_step and change_entry'); END;
        CREATE TRIGGER change_log_no_update INSTEAD OF UPDATE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_log_no_delete INSTEAD OF DELETE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

        -- Each step's changes, packed (electron/workbook/history.ts); replaces one JSON row image per cell.
        ALTER TABLE undo_step ADD COLUMN changes TEXT NOT NULL DEFAULT '';
        -- Never read: capaian's formula is chosen in code (shared/model/capaian.ts).
        ALTER TABLE indicator DROP COLUMN capaian_formula;
      `);
      const keysOf = {
        scenario: ["id"],
        scenario_target: ["scenario_id", "indicator_id", "year"],
        justification: ["scenario_id", "indicator_id"],
        reference_target: ["id"],
        shock_year: ["year"],
        value: ["indicator_id", "year", "series"]
      };
      const steps = db.prepare("SELECT id FROM undo_step ORDER BY id").pluck().all();
      const rowsOf = db.prepare("SELECT tbl, before, after FROM undo_row WHERE step_id = ? ORDER BY seq");
      const save = db.prepare("UPDATE undo_step SET changes = ? WHERE id = ?");
      for (const id3 of steps) {
        const heads = [];
        const index = /* @__PURE__ */ new Map();
        const packed = [];
        for (const r2 of rowsOf.all(id3)) {
          const keys = keysOf[r2.tbl];
          if (!keys) continue;
          const before = r2.before === null ? null : JSON.parse(r2.before);
          const after = r2.after === null ? null : JSON.parse(r2.after);
          const image = after ?? before;
          const others = Object.keys(image).filter((k) => !keys.includes(k) && k !== "capaian_formula");
          const signature = `${r2.tbl}:${others.join(",")}`;
          let at = index.get(signature);
          if (at === void 0) {
            index.set(signature, at = heads.length);
            heads.push([r2.tbl, [...keys], others]);
          }
          const pick = (row) => row ? others.map((k) => row[k] ?? null) : null;
          packed.push([at, keys.map((k) => image[k]), pick(before), pick(after)]);
        }
        save.run(JSON.stringify({ t: heads, r: packed }), id3);
      }
      db.exec("DROP TABLE undo_row;");
    }
  }
];
var LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

// electron/workbook/references.ts
function standardReferences(plan) {
  const refs = [
    {
      indicatorCode: "P0E",
      kind: "level",
      comparison: "eq",
      year: 2024,
      value: 0,
      label: "Inpres 4/2022",
      source: "Inpres 4/2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem: 0 % pada 2024 (antaranews.com/berita/2939465)"
    }
  ];
  if (plan.province.trim().toLowerCase() === "sumatera selatan") {
    refs.push(
      {
        indicatorCode: "P0",
        kind: "level",
        comparison: "lt",
        year: 2024,
        value: 10,
        label: "Gubernur Sumsel",
        source: "Gubernur Sumatera Selatan: setiap kab/kota di bawah 10 % pada 2024 (rmolsumsel.id; bappeda.sumselprov.go.id/berita/913)"
      },
      {
        indicatorCode: "P0",
        kind: "annual_change",
        comparison: "le",
        year: null,
        value: -1,
        label: "Gubernur Sumsel",
        source: "Gubernur Sumatera Selatan: kemiskinan turun sedikitnya 1 poin persen per tahun (bappeda.sumselprov.go.id/berita/913)"
      }
    );
  }
  return refs;
}
var STANDARD_SHOCK_YEARS = [
  { year: 2020, reason: "Pandemi COVID-19" },
  { year: 2021, reason: "Pandemi COVID-19" }
];
function seedReferences(db, province) {
  const insert = db.prepare(
    "INSERT INTO reference_target (indicator_code, kind, comparison, year, value, label, source) VALUES (@indicatorCode, @kind, @comparison, @year, @value, @label, @source)"
  );
  for (const r2 of standardReferences({ province })) insert.run(r2);
  const shock = db.prepare("INSERT OR IGNORE INTO shock_year (year, reason) VALUES (?, ?)");
  for (const s2 of STANDARD_SHOCK_YEARS) shock.run(s2.year, s2.reason);
}

// electron/workbook/history.ts
var TRACKED = {
  scenario: ["id"],
  scenario_target: ["scenario_id", "indicator_id", "year"],
  justification: ["scenario_id", "indicator_id"],
  reference_target: ["id"],
  shock_year: ["year"],
  /** Workbook values (realisations, original targets…): written by spreadsheet import. */
  value: ["indicator_id", "year", "series"]
};
var MAX_UNDO_STEPS = 500;
function keyOf(table, row) {
  const key = {};
  for (const k of TRACKED[table]) key[k] = row[k];
  return key;
}
var SELECT_SQL = Object.fromEntries(
  Object.entries(TRACKED).map(([t, keys]) => [t, `SELECT * FROM ${t} WHERE ${keys.map((k) => `${k} = ?`).join(" AND ")}`])
);
var DELETE_SQL = Object.fromEntries(
  Object.entries(TRACKED).map(([t, keys]) => [t, `DELETE FROM ${t} WHERE ${keys.map((k) => `${k} = ?`).join(" AND ")}`])
);
function selectRow(st, table, key) {
  return st.get(SELECT_SQL[table]).get(TRACKED[table].map((k) => key[k])) ?? null;
}
function deleteRow(st, table, key) {
  st.get(DELETE_SQL[table]).run(TRACKED[table].map((k) => key[k]));
}
var upsertSql = /* @__PURE__ */ new Map();
function putRow(st, table, row) {
  const cols = Object.keys(row);
  const signature = `${table}:${cols.join(",")}`;
  let sql = upsertSql.get(signature);
  if (sql === void 0) {
    const keys = TRACKED[table];
    const updates = cols.filter((c) => !keys.includes(c));
    const conflict = updates.length ? `ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(", ")}` : "ON CONFLICT DO NOTHING";
    sql = `INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")}) ${conflict}`;
    upsertSql.set(signature, sql);
  }
  st.get(sql).run(Object.values(row));
}
function sameRow(a, b) {
  if (a === null || b === null) return a === b;
  let columns = 0;
  for (const k in a) {
    if (!(k in b) || a[k] !== b[k]) return false;
    columns++;
  }
  for (const _ in b) columns--;
  return columns === 0;
}
function packChanges(changes) {
  const heads = [];
  const index = /* @__PURE__ */ new Map();
  const rows = [];
  let targetHead = -1;
  for (const c of changes) {
    const image = c.after ?? c.before;
    if (c.table === "scenario_target") {
      if (targetHead < 0) {
        targetHead = heads.length;
        heads.push(["scenario_target", ["scenario_id", "indicator_id", "year"], ["value", "origin"]]);
      }
      const b = c.before;
      const a = c.after;
      rows.push([targetHead, [image.scenario_id, image.indicator_id, image.year], b ? [b.value, b.origin] : null, a ? [a.value, a.origin] : null]);
      continue;
    }
    const keys = TRACKED[c.table];
    const others = Object.keys(image).filter((k) => !keys.includes(k));
    const signature = `${c.table}:${others.join(",")}`;
    let at = index.get(signature);
    if (at === void 0) {
      index.set(signature, at = heads.length);
      heads.push([c.table, [...keys], others]);
    }
    const pick = (row) => row ? others.map((k) => row[k] ?? null) : null;
    rows.push([at, keys.map((k) => image[k]), pick(c.before), pick(c.after)]);
  }
  return JSON.stringify({ t: heads, r: rows });
}
function unpackChanges(text) {
  const packed = JSON.parse(text);
  return packed.r.map(([at, key, before, after]) => {
    const [table, keys, others] = packed.t[at];
    const image = (values) => {
      if (!values) return null;
      const row = {};
      keys.forEach((k, i) => row[k] = key[i]);
      others.forEach((k, i) => row[k] = values[i]);
      return row;
    };
    return { table, before: image(before), after: image(after) };
  });
}
function openStep(st, label, scenarioId, at) {
  st.get("DELETE FROM undo_step WHERE state = 'undone'").run();
  return Number(st.get("INSERT INTO undo_step (label, scenario_id, at, changes) VALUES (?, ?, ?, '')").run(label, scenarioId, at).lastInsertRowid);
}
function closeStep(st, stepId, changes) {
  if (changes.length === 0) {
    st.get("DELETE FROM undo_step WHERE id = ?").run(stepId);
    return;
  }
  st.get("UPDATE undo_step SET changes = ? WHERE id = ?").run(packChanges(changes), stepId);
  st.get(`DELETE FROM undo_step WHERE id IN (SELECT id FROM undo_step ORDER BY id DESC LIMIT -1 OFFSET ${MAX_UNDO_STEPS})`).run();
}
function writeImage(st, table, image, other) {
  if (image === null) deleteRow(st, table, keyOf(table, other));
  else putRow(st, table, image);
}
function replayStep(st, direction) {
  const sql = direction === "undo" ? "SELECT id, label, scenario_id AS scenarioId, changes FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1" : "SELECT id, label, scenario_id AS scenarioId, changes FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1";
  const found = st.get(sql).get();
  if (!found) return null;
  const { changes: text, ...step } = found;
  const stored = unpackChanges(text);
  const made = direction === "undo" ? stored.reverse().map((c) => ({ table: c.table, before: c.after, after: c.before })) : stored;
  for (const c of made) writeImage(st, c.table, c.after, c.before);
  st.get("UPDATE undo_step SET state = ? WHERE id = ?").run(direction === "undo" ? "undone" : "done", step.id);
  return { step, changes: made };
}
function historyState(st) {
  const undo = st.get("SELECT label FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1").get();
  const redo = st.get("SELECT label FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get();
  return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}

// electron/workbook/edit.ts
var ENTRY_COLUMNS = 12;
var ENTRY_BATCH = 200;
var ENTRY_SQL_HEAD = "INSERT INTO change_entry (change_step_id, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, derived, justification, detail, cells) VALUES ";
var EditTx = class {
  constructor(ctx, action, kind, stepId, at, stepScenarioId) {
    this.ctx = ctx;
    this.action = action;
    this.kind = kind;
    this.stepId = stepId;
    this.at = at;
    this.stepScenarioId = stepScenarioId;
    this.effect = emptyEffect(action, kind);
    this.stepScenarioName = stepScenarioId === null ? null : this.scenarioName(stepScenarioId);
  }
  ctx;
  action;
  kind;
  stepId;
  at;
  stepScenarioId;
  changes = [];
  effect;
  log = [];
  /** Entries that further cells of the same indicator join (see pushLog). */
  groups = /* @__PURE__ */ new Map();
  /** Count and population cells written, checked against each other when the edit ends. */
  populationCells = /* @__PURE__ */ new Map();
  scenarioNames = /* @__PURE__ */ new Map();
  justificationCache = /* @__PURE__ */ new Map();
  /** The scenario the step is about (the log keeps its name once, on the step). */
  stepScenarioName;
  get reads() {
    return this.ctx.reads;
  }
  get plan() {
    return this.ctx.plan;
  }
  /** The indicator, or a located bad_input. */
  indicator(id3, cell) {
    const ind = this.ctx.indicators.byId.get(id3);
    if (!ind) throw cellError(cell, `indicator ${id3}`, "the indicator does not exist", { indicatorId: id3, problem: "unknown_indicator" }, "indicatorId");
    return ind;
  }
  /**
   * Writes revised targets of one scenario. Every cell is checked first (one bad cell refuses
   * the whole edit, naming it, and nothing is written); then each changed cell is written,
   * recorded for undo and logged with the justification it has at this moment (unless the
   * edit's own note says it all: a scenario created from or deleted with its targets).
   */
  setTargets(scenarioId, cells2, opts = {}) {
    const logCells = opts.logCells ?? true;
    const { firstYear, lastYear } = this.ctx.plan;
    cells2.forEach((c, i) => {
      const ind = this.indicator(c.indicatorId, i);
      if (!Number.isInteger(c.year) || c.year < firstYear || c.year > lastYear) {
        throw cellError(i, `${ind.code} ${c.year}`, `the year is outside the target years ${firstYear}\u2013${lastYear}`, { indicatorId: ind.id, indicatorCode: ind.code, year: c.year, problem: "year_outside_plan", ...whereOf(c) }, "year");
      }
      if (c.value !== null) this.checkValue(ind, c.value, c.year, i, c.where);
    });
    const kept = this.ctx.reads.kept(scenarioId);
    const name = this.scenarioName(scenarioId);
    let written = this.effect.targets.get(scenarioId);
    if (!written) this.effect.targets.set(scenarioId, written = /* @__PURE__ */ new Map());
    const upsert = this.ctx.st.get(
      "INSERT INTO scenario_target (scenario_id, indicator_id, year, value, origin) VALUES (?, ?, ?, ?, ?) ON CONFLICT (scenario_id, indicator_id, year) DO UPDATE SET value = excluded.value, origin = excluded.origin"
    );
    const remove = this.ctx.st.get("DELETE FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?");
    for (let i = 0; i < cells2.length; i++) {
      const c = cells2[i];
      const key = cellKey2(c.indicatorId, c.year);
      const now = written.has(key) ? written.get(key) : kept.byIndicator.get(c.indicatorId)?.find((x) => x.year === c.year) ?? null;
      const origin = c.origin ?? "entered";
      if (c.value === null ? now === null : now !== null && now.value === c.value && now.origin === origin) continue;
      if (c.value !== null) upsert.run(scenarioId, c.indicatorId, c.year, c.value, origin);
      else remove.run(scenarioId, c.indicatorId, c.year);
      const cell = c.value === null ? null : { indicatorId: c.indicatorId, year: c.year, value: c.value, origin };
      this.changes.push({ table: "scenario_target", before: targetRow(scenarioId, now), after: targetRow(scenarioId, cell) });
      written.set(key, cell);
      const ind = this.ctx.indicators.byId.get(c.indicatorId);
      if (ind.code === POPULATION_CODE || COUNT_CODES.has(ind.code)) this.notePopulationCell(ind, scenarioId, "revised_target", c.year, i, c.where);
      if (logCells) this.pushLog(origin === "derived", scenarioId, name, ind.code, c.year, "revised_target", now?.value ?? null, c.value, this.justification(scenarioId, c.indicatorId), c.where ?? null);
    }
  }
  /** Writes workbook values (realisations, original targets, baseline…), checked like targets. */
  setValues(cells2) {
    const { baselineYear, lastYear } = this.ctx.plan;
    cells2.forEach((c, i) => {
      const ind = this.indicator(c.indicatorId, i);
      if (!Number.isInteger(c.year) || c.year < baselineYear || c.year > lastYear) {
        throw cellError(i, `${ind.code} ${c.year}`, `the year is outside the plan years ${baselineYear}\u2013${lastYear}`, { indicatorId: ind.id, indicatorCode: ind.code, year: c.year, problem: "year_outside_plan", ...whereOf(c) }, "year");
      }
      if (c.value !== null) this.checkValue(ind, c.value, c.year, i, c.where);
    });
    this.effect.otherData = true;
    cells2.forEach((c, i) => {
      const key = { indicator_id: c.indicatorId, year: c.year, series: c.series };
      const before = selectRow(this.ctx.st, "value", key);
      const after = c.value === null ? null : { ...key, value: c.value, source: c.source, illustrative: c.illustrative ? 1 : 0 };
      if (sameRow(before, after)) return;
      if (after) putRow(this.ctx.st, "value", after);
      else this.ctx.st.get("DELETE FROM value WHERE indicator_id = ? AND year = ? AND series = ?").run(c.indicatorId, c.year, c.series);
      this.changes.push({ table: "value", before, after: after ? selectRow(this.ctx.st, "value", key) : null });
      const ind = this.ctx.indicators.byId.get(c.indicatorId);
      this.notePopulationCell(ind, null, c.series, c.year, i, c.where);
      this.pushLog(false, null, null, ind.code, c.year, c.series, before?.value ?? null, c.value, null, c.where ?? null);
    });
  }
  /**
   * Inserts or updates a row of a row table; `row` holds the key and the columns to set (merged
   * into the row when it exists). Returns the row before.
   */
  put(table, row) {
    const key = keyOf(table, row);
    const before = selectRow(this.ctx.st, table, key);
    const image = before ? { ...before, ...row } : row;
    if (before && sameRow(before, image)) return before;
    putRow(this.ctx.st, table, image);
    this.record(table, before, selectRow(this.ctx.st, table, key));
    return before;
  }
  /** Inserts a row whose id SQLite assigns (a scenario, a reference); returns the id. */
  insert(table, row) {
    const cols = Object.keys(row);
    const id3 = Number(this.ctx.st.get(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")})`).run(row).lastInsertRowid);
    this.record(table, null, selectRow(this.ctx.st, table, { id: id3 }));
    return id3;
  }
  remove(table, key) {
    const k = keyOf(table, key);
    const before = selectRow(this.ctx.st, table, k);
    if (!before) return null;
    this.ctx.st.get(`DELETE FROM ${table} WHERE ${Object.keys(k).map((c) => `${c} = ?`).join(" AND ")}`).run(Object.values(k));
    if (table === "scenario_target") {
      const sid2 = before.scenario_id;
      let written = this.effect.targets.get(sid2);
      if (!written) this.effect.targets.set(sid2, written = /* @__PURE__ */ new Map());
      written.set(cellKey2(before.indicator_id, before.year), null);
      this.changes.push({ table, before, after: null });
      return before;
    }
    this.record(table, before, null);
    return before;
  }
  /** A change-log entry of this edit's action that names no cell. */
  note(e) {
    this.pushLog(false, e.scenarioId ?? null, e.scenarioName ?? null, e.indicatorCode ?? null, null, null, null, null, e.justification ?? null, e.detail ?? null);
  }
  /** A revised target as it stands at this moment of the edit (its earlier writes included). */
  currentTarget(scenarioId, indicatorId, year2) {
    return this.ctx.st.get("SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?").get(scenarioId, indicatorId, year2);
  }
  /** The scenario's justification text for an indicator at this moment of the edit. */
  justification(scenarioId, indicatorId) {
    const key = `${scenarioId}:${indicatorId}`;
    if (!this.justificationCache.has(key)) this.justificationCache.set(key, this.ctx.reads.justificationText(scenarioId, indicatorId));
    return this.justificationCache.get(key);
  }
  scenarioName(id3) {
    if (!this.scenarioNames.has(id3)) {
      const row = this.ctx.st.get("SELECT name FROM scenario WHERE id = ?").get(id3);
      this.scenarioNames.set(id3, row?.name ?? null);
    }
    return this.scenarioNames.get(id3);
  }
  record(table, before, after) {
    if (sameRow(before, after)) return;
    this.changes.push({ table, before, after });
    const row = after ?? before;
    if (table === "scenario") {
      this.effect.scenarios.add(row.id);
      this.scenarioNames.delete(row.id);
    } else if (table === "justification") {
      const sid2 = row.scenario_id;
      let set = this.effect.justifications.get(sid2);
      if (!set) this.effect.justifications.set(sid2, set = /* @__PURE__ */ new Set());
      set.add(row.indicator_id);
      this.justificationCache.delete(`${sid2}:${row.indicator_id}`);
    } else {
      this.effect.otherData = true;
    }
  }
  checkValue(ind, value2, year2, cell, where) {
    const problem = checkCellValue(ind, value2);
    if (!problem) return;
    throw cellError(cell, `${ind.code} ${year2}${where ? `, ${where}` : ""}`, problemEnglish(problem, ind, value2), {
      indicatorId: ind.id,
      indicatorCode: ind.code,
      year: year2,
      problem,
      value: value2,
      decimals: ind.decimals,
      ...where ? { where } : {}
    }, "value");
  }
  notePopulationCell(ind, scenarioId, series, year2, cell, where) {
    const isCount = COUNT_CODES.has(ind.code);
    if (!isCount && ind.code !== POPULATION_CODE) return;
    const key = `${scenarioId ?? ""}:${series}:${year2}`;
    const known = this.populationCells.get(key);
    if (known && (known.isCount || !isCount)) return;
    this.populationCells.set(key, { scenarioId, series, year: year2, cell, where, isCount });
  }
  /**
   * Rules between cells, checked on what the edit leaves: a count of people never exceeds the
   * population of the same year and series. Throws (rolling the edit back) naming the cell.
   */
  checkBetweenCells() {
    const pop = this.ctx.indicators.byCode.get(POPULATION_CODE);
    if (!pop) return;
    for (const c of this.populationCells.values()) {
      const read = (ind) => c.scenarioId !== null ? this.ctx.st.get("SELECT value FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?").pluck().get(c.scenarioId, ind.id, c.year) : this.ctx.st.get("SELECT value FROM value WHERE indicator_id = ? AND year = ? AND series = ?").pluck().get(ind.id, c.year, c.series);
      const population = read(pop);
      if (population === void 0) continue;
      for (const code of COUNT_CODES) {
        const ind = this.ctx.indicators.byCode.get(code);
        if (!ind) continue;
        const count = read(ind);
        if (count === void 0 || !checkCountWithinPopulation(count, population)) continue;
        throw cellError(c.cell, `${ind.code} ${c.year}${c.where ? `, ${c.where}` : ""}`, `${count} is more than the population of the same year (${population})`, {
          indicatorId: ind.id,
          indicatorCode: ind.code,
          year: c.year,
          problem: "above_population",
          value: count,
          population,
          ...c.where ? { where: c.where } : {}
        }, "value");
      }
    }
  }
  /**
   * Buffers one change-log entry. Cells of one indicator that a step changes together go into
   * one entry (their years packed, read back cell by cell through the change_log view): a paste
   * writes a row per indicator, not per cell. The step's scenario name is kept once, on the step.
   */
  pushLog(derived, scenarioId, scenarioName2, indicatorCode, year2, series, oldValue, newValue, justification, detail) {
    const ownName = scenarioId !== null && scenarioId === this.stepScenarioId && scenarioName2 === this.stepScenarioName;
    const name = ownName ? null : scenarioName2;
    const cell = year2 !== null && detail === null && indicatorCode !== null ? [year2, oldValue, newValue, derived ? 1 : 0] : null;
    const key = cell ? `${scenarioId ?? ""}|${name ?? ""}|${indicatorCode}|${series ?? ""}|${justification ?? ""}` : "";
    const group = cell ? this.groups.get(key) : void 0;
    if (group) {
      if (!group.cells) {
        group.cells = [[group.year, group.oldValue, group.newValue, group.derived]];
        group.year = group.oldValue = group.newValue = null;
        group.derived = 0;
      }
      group.cells.push(cell);
      return;
    }
    const entry = { scenarioId, scenarioName: name, indicatorCode, year: year2, series, oldValue, newValue, derived: derived ? 1 : 0, justification, detail, cells: null };
    this.log.push(entry);
    if (cell) this.groups.set(key, entry);
  }
  get hasLog() {
    return this.log.length > 0;
  }
  /**
   * Writes the change log of this step: one change_step row (who, when, which action) and its
   * entries, many rows per INSERT, in order. Nothing when the step logged nothing.
   */
  flushLog() {
    const rows = this.log.length;
    if (rows === 0) return;
    const changeStep = Number(
      this.ctx.st.get("INSERT INTO change_step (at, user, action, kind, scenario_id, scenario_name, undo_step_id) VALUES (?, ?, ?, ?, ?, ?, ?)").run(this.at, this.ctx.actor.user, this.action, this.kind, this.stepScenarioId, this.stepScenarioName, this.stepId).lastInsertRowid
    );
    const values = [];
    for (const e of this.log) {
      values.push(
        changeStep,
        e.scenarioId,
        e.scenarioName,
        e.indicatorCode,
        e.year,
        e.series,
        e.oldValue,
        e.newValue,
        e.derived,
        e.justification,
        e.detail,
        e.cells && JSON.stringify(e.cells)
      );
    }
    let at = 0;
    while (rows - at >= ENTRY_BATCH) {
      this.ctx.st.get(entrySql(ENTRY_BATCH)).run(values.slice(at * ENTRY_COLUMNS, (at + ENTRY_BATCH) * ENTRY_COLUMNS));
      at += ENTRY_BATCH;
    }
    if (rows > at) this.ctx.st.get(entrySql(rows - at)).run(values.slice(at * ENTRY_COLUMNS));
    this.log.length = 0;
    this.groups.clear();
  }
};
var COUNT_CODES = new Set(RATE_COUNT_PAIRS.map((p) => p.count));
var entrySqlCache = /* @__PURE__ */ new Map();
function entrySql(rows) {
  let sql = entrySqlCache.get(rows);
  if (!sql) {
    const tuple = `(${Array.from({ length: ENTRY_COLUMNS }, () => "?").join(", ")})`;
    entrySqlCache.set(rows, sql = ENTRY_SQL_HEAD + Array.from({ length: rows }, () => tuple).join(", "));
  }
  return sql;
}
function whereOf(c) {
  return c.where ? { where: c.where } : {};
}
function problemEnglish(problem, ind, value2) {
  switch (problem) {
    case "too_many_decimals":
      return ind.decimals === 0 ? `${value2} is not a whole number (${ind.unit} holds whole numbers only)` : `${value2} has more than ${ind.decimals} decimals`;
    case "too_large":
      return `${value2} is too large to store exactly`;
    case "not_a_number":
      return `${value2} is not a number`;
    default:
      return `${value2} is outside ${ind.minValue ?? "\u2212\u221E"}\u2013${ind.maxValue ?? "\u221E"} ${ind.unit}`;
  }
}
function targetRow(scenarioId, t) {
  return t ? { scenario_id: scenarioId, indicator_id: t.indicatorId, year: t.year, value: t.value, origin: t.origin } : null;
}
function cellError(cell, where, reason, params, field) {
  const message = cell === void 0 ? `${where}: ${reason}` : `Cell ${cell + 1} (${where}): ${reason}`;
  return new AppError("bad_input", message, { ...cell === void 0 ? {} : { cell }, ...params }, cell === void 0 ? field : `cells.${cell}.${field}`);
}
function runEdit(ctx, db, action, scenarioId, fn, afterCommit) {
  const at = (/* @__PURE__ */ new Date()).toISOString();
  let effect = null;
  const result = db.transaction(() => {
    const stepId = openStep(ctx.st, action, scenarioId, at);
    const tx = new EditTx(ctx, action, "do", stepId, at, scenarioId);
    const out = fn(tx);
    tx.checkBetweenCells();
    if (tx.changes.length > 0 && !tx.hasLog) tx.note({ scenarioId });
    tx.flushLog();
    closeStep(ctx.st, stepId, tx.changes);
    effect = tx.effect;
    return out;
  })();
  if (effect) afterCommit(effect);
  return result;
}
function runReplay(ctx, db, direction, afterCommit) {
  const at = (/* @__PURE__ */ new Date()).toISOString();
  let effect = null;
  const done = db.transaction(() => {
    const replayed = replayStep(ctx.st, direction);
    if (!replayed) return null;
    const { step, changes } = replayed;
    const action = isChangeAction(step.label) ? step.label : "import.apply";
    const tx = new EditTx(ctx, action, direction, step.id, at, step.scenarioId);
    let noted = false;
    for (const c of changes) {
      const row = c.after ?? c.before;
      if (c.table === "scenario_target" || c.table === "value") {
        const target = c.table === "scenario_target";
        const sid2 = target ? row.scenario_id : null;
        const code = ctx.indicators.byId.get(row.indicator_id)?.code ?? null;
        if (target) {
          let written = tx.effect.targets.get(sid2);
          if (!written) tx.effect.targets.set(sid2, written = /* @__PURE__ */ new Map());
          written.set(cellKey2(row.indicator_id, row.year), c.after ? { indicatorId: c.after.indicator_id, year: c.after.year, value: c.after.value, origin: c.after.origin } : null);
        } else tx.effect.otherData = true;
        const name = sid2 === null ? null : ctx.st.get("SELECT name FROM scenario WHERE id = ?").get(sid2)?.name ?? null;
        tx.pushLog(
          c.after?.origin === "derived" || c.after === null && c.before?.origin === "derived",
          sid2,
          name,
          code,
          row.year,
          target ? "revised_target" : row.series,
          c.before?.value ?? null,
          c.after?.value ?? null,
          target ? tx.justification(sid2, row.indicator_id) : null,
          null
        );
        continue;
      }
      if (c.table === "scenario") tx.effect.scenarios.add(row.id);
      else if (c.table === "justification") {
        const sid2 = row.scenario_id;
        let set = tx.effect.justifications.get(sid2);
        if (!set) tx.effect.justifications.set(sid2, set = /* @__PURE__ */ new Set());
        set.add(row.indicator_id);
      } else tx.effect.otherData = true;
      if (!noted) {
        noted = true;
        const sid2 = step.scenarioId;
        const name = sid2 === null ? null : ctx.st.get("SELECT name FROM scenario WHERE id = ?").get(sid2)?.name ?? (c.table === "scenario" ? (c.before ?? c.after)?.name : null);
        const code = c.table === "justification" ? ctx.indicators.byId.get(row.indicator_id)?.code ?? null : c.table === "reference_target" ? row.indicator_code : null;
        tx.pushLog(
          false,
          sid2,
          name,
          code,
          null,
          null,
          null,
          null,
          c.table === "justification" ? c.after?.text ?? null : null,
          null
        );
      }
    }
    tx.flushLog();
    effect = tx.effect;
    return { label: action, scenarioId: step.scenarioId };
  })();
  if (effect) afterCommit(effect);
  return done;
}

// electron/workbook/queries.ts
var IndicatorIndex2 = class {
  list;
  byId;
  byCode;
  constructor(st) {
    this.list = st.get(
      `SELECT id, code, name_id AS nameId, name_en AS nameEn, unit, polarity, decimals, grp AS "group", definition,
                min_value AS minValue, max_value AS maxValue
         FROM indicator ORDER BY sort_order, id`
    ).all();
    this.byId = new Map(this.list.map((i) => [i.id, i]));
    this.byCode = new Map(this.list.map((i) => [i.code, i]));
  }
};
var KeptTargets = class {
  scenarios = /* @__PURE__ */ new Map();
  afterEdit(effect) {
    for (const id3 of effect.scenarios) if (effect.action === "scenario.delete" || effect.action === "scenario.create") this.scenarios.delete(id3);
    for (const [id3, cells2] of effect.targets) {
      const kept = this.scenarios.get(id3);
      if (!kept) continue;
      for (const [key, cell] of cells2) {
        const indicatorId = keyIndicator(key);
        const year2 = keyYear(key);
        let list = kept.byIndicator.get(indicatorId);
        const at = list ? list.findIndex((t) => t.year === year2) : -1;
        if (cell) {
          if (at >= 0) list[at] = cell;
          else {
            if (!list) kept.byIndicator.set(indicatorId, list = []);
            let i = list.length;
            while (i > 0 && list[i - 1].year > year2) i--;
            list.splice(i, 0, cell);
          }
        } else if (at >= 0) {
          list.splice(at, 1);
          if (list.length === 0) kept.byIndicator.delete(indicatorId);
        }
      }
    }
    for (const id3 of effect.justifications.keys()) {
      const kept = this.scenarios.get(id3);
      if (kept) kept.justifications = null;
    }
    return true;
  }
};
var WorkbookReads = class {
  constructor(st, caches, indicators) {
    this.st = st;
    this.caches = caches;
    this.indicators = indicators;
  }
  st;
  caches;
  indicators;
  scenarios() {
    return this.st.get("SELECT id, name, description, status, created_at AS createdAt FROM scenario ORDER BY id").all();
  }
  scenario(id3) {
    const s2 = this.st.get("SELECT id, name, description, status, created_at AS createdAt FROM scenario WHERE id = ?").get(id3);
    if (!s2) throw new AppError("not_found", `Scenario ${id3} does not exist`, { scenarioId: id3 }, "scenarioId");
    return s2;
  }
  /** The kept targets of a scenario (read from the file when not kept). */
  kept(scenarioId) {
    const all = this.caches.get("targets", () => new KeptTargets());
    let kept = all.scenarios.get(scenarioId);
    if (!kept) {
      const rows = this.st.get("SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? ORDER BY indicator_id, year").all(scenarioId);
      const byIndicator = /* @__PURE__ */ new Map();
      for (const t of rows) {
        const list = byIndicator.get(t.indicatorId);
        if (list) list.push(t);
        else byIndicator.set(t.indicatorId, [t]);
      }
      all.scenarios.set(scenarioId, kept = { byIndicator, justifications: null });
    }
    kept.justifications ??= this.st.get("SELECT indicator_id AS indicatorId, text, updated_at AS updatedAt FROM justification WHERE scenario_id = ? ORDER BY indicator_id").all(scenarioId);
    return kept;
  }
  targets(scenarioId) {
    this.scenario(scenarioId);
    const kept = this.kept(scenarioId);
    const targets = [];
    for (const ind of this.indicators().list) {
      const list = kept.byIndicator.get(ind.id);
      if (list) for (const t of list) targets.push(t);
    }
    return { scenarioId, targets, justifications: [...kept.justifications] };
  }
  /** One indicator's revised targets and justification text in a scenario. */
  indicatorTargets(scenarioId, indicatorId) {
    const targets = this.st.get("SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? ORDER BY year").all(scenarioId, indicatorId);
    return { targets, justification: this.justificationText(scenarioId, indicatorId) };
  }
  justificationText(scenarioId, indicatorId) {
    const row = this.st.get("SELECT text FROM justification WHERE scenario_id = ? AND indicator_id = ?").get(scenarioId, indicatorId);
    return row?.text ?? null;
  }
  /** The change log, newest first: every entry, or those of one scenario. */
  changeLog(scenarioId, limit) {
    return this.st.get(
      `SELECT id, at, user, action, kind, derived, step_id AS stepId, scenario_id AS scenarioId, scenario_name AS scenarioName,
                indicator_code AS indicatorCode, year, series, old_value AS oldValue, new_value AS newValue, justification, detail
         FROM change_log WHERE (@sid IS NULL OR scenario_id = @sid) ORDER BY id DESC LIMIT @limit`
    ).all({ sid: scenarioId ?? null, limit }).map((r2) => ({ ...r2, derived: r2.derived === 1 }));
  }
  history() {
    return historyState(this.st);
  }
};

// electron/workbook/statements.ts
var Statements = class {
  constructor(db) {
    this.db = db;
  }
  db;
  map = /* @__PURE__ */ new Map();
  get(sql) {
    let st = this.map.get(sql);
    if (!st) this.map.set(sql, st = this.db.prepare(sql));
    return st;
  }
};

// electron/workbook/lock.ts
import fs4 from "node:fs";
import os from "node:os";
import path3 from "node:path";
function lockPathFor(workbookPath) {
  return path3.join(path3.dirname(workbookPath), `.${path3.basename(workbookPath)}.lock`);
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function readOwner(lockPath) {
  try {
    const parsed = JSON.parse(fs4.readFileSync(lockPath, "utf8"));
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? "") };
  } catch {
    return null;
  }
}
var WorkbookLock = class _WorkbookLock {
  constructor(lockPath, token) {
    this.lockPath = lockPath;
    this.token = token;
  }
  lockPath;
  token;
  /** Takes the lock, or returns who holds it. */
  static acquire(workbookPath) {
    const lockPath = lockPathFor(workbookPath);
    const me = { pid: process.pid, host: os.hostname(), since: (/* @__PURE__ */ new Date()).toISOString() };
    const token = JSON.stringify(me);
    for (let attempt = 0; attempt < 2; attempt++) {
      const temp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
      fs4.writeFileSync(temp, token);
      try {
        if (linkOrCreate(temp, lockPath, token)) return new _WorkbookLock(lockPath, token);
      } finally {
        fs4.rmSync(temp, { force: true });
      }
      const owner = readOwner(lockPath);
      const stale = owner === null ? isOldUnreadable(lockPath) : owner.host === me.host && !alive(owner.pid);
      if (!stale) return { heldBy: owner ?? { pid: 0, host: "unknown", since: "" } };
      fs4.rmSync(lockPath, { force: true });
    }
    return { heldBy: readOwner(lockPath) ?? { pid: 0, host: "unknown", since: "" } };
  }
  /** Removes the lock if it is still ours (a takeover by another process is left alone). */
  release() {
    try {
      if (fs4.readFileSync(this.lockPath, "utf8") === this.token) fs4.rmSync(this.lockPath, { force: true });
    } catch {
    }
  }
};
var NO_LINKS = /* @__PURE__ */ new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);
function linkOrCreate(temp, lockPath, token) {
  try {
    fs4.linkSync(temp, lockPath);
    return true;
  } catch (err) {
    const code = err.code ?? "";
    if (code === "EEXIST") return false;
    if (!NO_LINKS.has(code)) throw err;
  }
  try {
    fs4.writeFileSync(lockPath, token, { flag: "wx" });
    return true;
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  }
}
function isOldUnreadable(lockPath) {
  try {
    return Date.now() - fs4.statSync(lockPath).mtimeMs > 6e4;
  } catch {
    return true;
  }
}

// electron/workbook/standard-indicators.ts
var STANDARD_INDICATORS = [
  {
    code: "PE",
    minValue: -100,
    maxValue: 100,
    nameId: "Pertumbuhan Ekonomi",
    nameEn: "Economic growth",
    unit: "%",
    polarity: "higher",
    decimals: 2,
    group: "makro",
    definition: "Laju pertumbuhan PDRB atas dasar harga konstan terhadap tahun sebelumnya."
  },
  {
    code: "TPT",
    minValue: 0,
    maxValue: 100,
    nameId: "Tingkat Pengangguran Terbuka",
    nameEn: "Open unemployment rate",
    unit: "%",
    polarity: "lower",
    decimals: 2,
    group: "makro",
    definition: "Persentase penganggur terhadap angkatan kerja (Sakernas Agustus)."
  },
  {
    code: "IPM",
    minValue: 0,
    maxValue: 100,
    nameId: "Indeks Pembangunan Manusia",
    nameEn: "Human Development Index",
    unit: "indeks",
    polarity: "higher",
    decimals: 2,
    group: "makro",
    definition: "Indeks komposit umur panjang, pengetahuan dan standar hidup layak (BPS)."
  },
  {
    code: "GINI",
    minValue: 0,
    maxValue: 1,
    nameId: "Rasio Gini",
    nameEn: "Gini ratio",
    unit: "indeks",
    polarity: "lower",
    decimals: 3,
    group: "makro",
    definition: "Ukuran ketimpangan pengeluaran, 0 (merata) sampai 1 (timpang)."
  },
  {
    code: "POP",
    minValue: 0,
    maxValue: null,
    nameId: "Jumlah Penduduk",
    nameEn: "Population",
    unit: "jiwa",
    polarity: "neutral",
    decimals: 0,
    group: "makro",
    definition: "Jumlah penduduk pertengahan tahun (proyeksi BPS atau hasil sensus)."
  },
  {
    code: "P0",
    minValue: 0,
    maxValue: 100,
    nameId: "Persentase Penduduk Miskin",
    nameEn: "Poverty rate (P0)",
    unit: "%",
    polarity: "lower",
    decimals: 2,
    group: "kemiskinan",
    definition: "Persentase penduduk dengan pengeluaran per kapita di bawah garis kemiskinan (Susenas Maret)."
  },
  {
    code: "JPM",
    minValue: 0,
    maxValue: null,
    nameId: "Jumlah Penduduk Miskin",
    nameEn: "Number of poor people",
    unit: "jiwa",
    polarity: "lower",
    decimals: 0,
    group: "kemiskinan",
    definition: "Jumlah penduduk dengan pengeluaran per kapita di bawah garis kemiskinan."
  },
  {
    code: "P0E",
    minValue: 0,
    maxValue: 100,
    nameId: "Persentase Penduduk Miskin Ekstrem",
    nameEn: "Extreme poverty rate",
    unit: "%",
    polarity: "lower",
    decimals: 2,
    group: "kemiskinan",
    definition: "Persentase penduduk di bawah garis kemiskinan ekstrem (setara USD 1,9 PPP per hari)."
  },
  {
    code: "JPME",
    minValue: 0,
    maxValue: null,
    nameId: "Jumlah Penduduk Miskin Ekstrem",
    nameEn: "Number of people in extreme poverty",
    unit: "jiwa",
    polarity: "lower",
    decimals: 0,
    group: "kemiskinan",
    definition: "Jumlah penduduk di bawah garis kemiskinan ekstrem."
  },
  {
    code: "P1",
    minValue: 0,
    maxValue: null,
    nameId: "Indeks Kedalaman Kemiskinan (P1)",
    nameEn: "Poverty gap index (P1)",
    unit: "indeks",
    polarity: "lower",
    decimals: 2,
    group: "kemiskinan",
    definition: "Rata-rata kesenjangan pengeluaran penduduk miskin terhadap garis kemiskinan."
  },
  {
    code: "P2",
    minValue: 0,
    maxValue: null,
    nameId: "Indeks Keparahan Kemiskinan (P2)",
    nameEn: "Poverty severity index (P2)",
    unit: "indeks",
    polarity: "lower",
    decimals: 2,
    group: "kemiskinan",
    definition: "Sebaran pengeluaran di antara penduduk miskin."
  },
  {
    code: "GK",
    minValue: 0,
    maxValue: null,
    nameId: "Garis Kemiskinan",
    nameEn: "Poverty line",
    unit: "Rp/kapita/bulan",
    polarity: "neutral",
    decimals: 0,
    group: "kemiskinan",
    definition: "Nilai pengeluaran minimum makanan dan bukan makanan per kapita per bulan."
  }
];

// electron/workbook/store.ts
function connect(filePath2, opts, readonly) {
  return new Database(filePath2, {
    readonly,
    fileMustExist: true,
    ...opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}
  });
}
function applyDocumentPragmas(db) {
  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -32768");
}
function latestOf(migrations) {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}
function inspect(filePath2, opts) {
  const name = path4.basename(filePath2);
  let stat;
  try {
    stat = fs5.statSync(filePath2);
  } catch {
    throw new AppError("not_found", `File not found: ${filePath2}`, { file: filePath2 });
  }
  if (!stat.isFile()) throw new AppError("refused_not_workbook", `${name} is not a file`, { file: name });
  const header = readHeader(filePath2);
  if (header.kind === "not-sqlite") {
    throw new AppError("refused_not_workbook", `${name} is not an RPJMD workbook: ${header.reason}`, { file: name });
  }
  if (header.applicationId !== APPLICATION_ID) {
    const id3 = `0x${header.applicationId.toString(16).padStart(8, "0")}`;
    throw new AppError(
      "refused_foreign",
      `${name} is an SQLite database of another application (application_id ${id3}), not an RPJMD workbook`,
      { file: name, applicationId: id3 }
    );
  }
  const supported = latestOf(opts.migrations ?? MIGRATIONS);
  if (header.userVersion > supported) {
    throw new AppError(
      "refused_newer",
      `${name} has schema version ${header.userVersion}, made by a newer version of the workbench; this version reads up to schema version ${supported}. Update the app to open it.`,
      { file: name, fileVersion: header.userVersion, supportedVersion: supported }
    );
  }
  if (hasHotJournal(filePath2)) return { userVersion: header.userVersion, deferredCheck: true };
  const db = connect(filePath2, opts, true);
  try {
    quickCheck(db, name);
  } finally {
    db.close();
  }
  return { userVersion: header.userVersion, deferredCheck: false };
}
function hasHotJournal(filePath2) {
  try {
    return fs5.statSync(`${filePath2}-journal`).size > 0;
  } catch {
    return false;
  }
}
function quickCheck(db, name) {
  let problem;
  try {
    const rows = db.pragma("quick_check");
    if (rows[0]?.quick_check !== "ok") problem = rows.map((r2) => r2.quick_check).slice(0, 3).join("; ");
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  if (problem !== void 0) {
    throw new AppError("refused_corrupt", `${name} failed SQLite's integrity check (quick_check): ${problem}`, {
      file: name,
      detail: problem
    });
  }
}
function siblingTemp(target, tag) {
  const dir = path4.dirname(target);
  return path4.join(dir, `.${path4.basename(target)}.${tag}-${crypto3.randomBytes(4).toString("hex")}`);
}
function fsyncFile(filePath2) {
  const fd = fs5.openSync(filePath2, "r+");
  try {
    fs5.fsyncSync(fd);
  } finally {
    fs5.closeSync(fd);
  }
}
function fsyncDir(dir) {
  if (process.platform === "win32") return;
  const fd = fs5.openSync(dir, "r");
  try {
    fs5.fsyncSync(fd);
  } finally {
    fs5.closeSync(fd);
  }
}
function runMigrations(db, migrations = MIGRATIONS) {
  const from = db.pragma("user_version", { simple: true });
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
  return pending[pending.length - 1].version;
}
function migrationBackupPath(filePath2, fromVersion, now = /* @__PURE__ */ new Date()) {
  const stamp2 = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return `${filePath2}.v${fromVersion}-backup-${stamp2}`;
}
function lockedError(filePath2, owner) {
  const name = path4.basename(filePath2);
  const who = owner.pid ? `process ${owner.pid} on ${owner.host}${owner.since ? ` since ${owner.since}` : ""}` : "another process";
  return new AppError(
    "locked",
    `${name} is already open in another window or process (${who}). Open it read-only, or close it there first.`,
    { file: name, pid: owner.pid, host: owner.host, since: owner.since }
  );
}
var Workbook = class _Workbook {
  constructor(path10, db, opts, lock) {
    this.path = path10;
    this.db = db;
    this.opts = opts;
    this.lock = lock;
    this.st = new Statements(db);
    this.caches = new Caches(this.st);
    this.reads = new WorkbookReads(this.st, this.caches, () => this.indicatorIndex());
  }
  path;
  db;
  opts;
  lock;
  /** Prepared statements of this connection. */
  st;
  /** State kept beside the file, told of every committed edit (caches.ts). */
  caches;
  /** Scenarios, targets, the change log and the undo state: the read side. */
  reads;
  index;
  get readOnly() {
    return this.lock === null;
  }
  /**
   * Opens an existing workbook, refusing (untouched) anything that is not one we can read, or
   * that another process has open for writing (unless read-only is asked for).
   */
  static async open(filePath2, opts = {}) {
    const absolute = path4.resolve(filePath2);
    const { userVersion: headerVersion, deferredCheck } = inspect(absolute, opts);
    const migrations = opts.migrations ?? MIGRATIONS;
    if (opts.readOnly) {
      if (deferredCheck) {
        throw new AppError("read_only", `${path4.basename(absolute)} was left mid-write by a crash; open it for editing once so SQLite can roll the interrupted write back`, {
          file: path4.basename(absolute)
        });
      }
      const userVersion = headerVersion;
      if (userVersion < latestOf(migrations)) {
        throw new AppError("read_only", `${path4.basename(absolute)} has schema version ${userVersion} and must be upgraded; open it for editing once first`, {
          file: path4.basename(absolute)
        });
      }
      return new _Workbook(absolute, connect(absolute, opts, true), opts, null);
    }
    const lock = WorkbookLock.acquire(absolute);
    if (!(lock instanceof WorkbookLock)) throw lockedError(absolute, lock.heldBy);
    try {
      const db = connect(absolute, opts, false);
      let backup = null;
      try {
        if (deferredCheck) quickCheck(db, path4.basename(absolute));
        const userVersion = db.pragma("user_version", { simple: true });
        if (userVersion < latestOf(migrations)) await db.backup(backup = migrationBackupPath(absolute, userVersion));
        applyDocumentPragmas(db);
        runMigrations(db, migrations);
        db.prepare("SELECT count(*) FROM sqlite_schema").get();
      } catch (err) {
        db.close();
        if (backup) fs5.rmSync(backup, { force: true });
        if (err instanceof AppError) throw err;
        const detail = err instanceof Error ? err.message : String(err);
        const name = path4.basename(absolute);
        throw new AppError("refused_corrupt", `${name} could not be opened: ${detail}`, { file: name, detail });
      }
      return new _Workbook(absolute, db, opts, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  /**
   * Creates a new workbook at `filePath` (which must not exist): built in a temporary file beside
   * it and renamed into place, so a half-built workbook never carries the final name.
   */
  static async create(filePath2, spec, opts = {}) {
    const absolute = path4.resolve(filePath2);
    if (fs5.existsSync(absolute)) {
      throw new AppError("already_exists", `${path4.basename(absolute)} already exists; choose another name`, {
        file: path4.basename(absolute)
      });
    }
    fs5.mkdirSync(path4.dirname(absolute), { recursive: true });
    const temp = siblingTemp(absolute, "new");
    try {
      const db = new Database(temp, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
      try {
        applyDocumentPragmas(db);
        runMigrations(db, opts.migrations ?? MIGRATIONS);
        seed(db, spec);
      } finally {
        db.close();
      }
      fsyncFile(temp);
      fs5.renameSync(temp, absolute);
      fsyncDir(path4.dirname(absolute));
    } catch (err) {
      fs5.rmSync(temp, { force: true });
      throw err;
    }
    return _Workbook.open(absolute, opts);
  }
  get schemaVersion() {
    return this.db.pragma("user_version", { simple: true });
  }
  plan() {
    const row = this.db.prepare("SELECT region, province, baseline_year, first_year, last_year FROM plan WHERE id = 1").get();
    if (!row) throw new AppError("refused_corrupt", `${path4.basename(this.path)} has no plan row`);
    return {
      region: row.region,
      province: row.province,
      baselineYear: row.baseline_year,
      firstYear: row.first_year,
      lastYear: row.last_year
    };
  }
  /**
   * The indicators, read once: nothing writes the indicator table after a workbook is created
   * (migrations run before the workbook is handed out).
   */
  indicatorIndex() {
    return this.index ??= new IndicatorIndex2(this.st);
  }
  /** The indicators in table order: the caller's own array of shared, read-only objects. */
  indicators() {
    return [...this.indicatorIndex().list];
  }
  scenarios() {
    return this.reads.scenarios();
  }
  references() {
    return this.db.prepare(
      `SELECT id, indicator_code AS indicatorCode, kind, comparison, year, value, label, source
         FROM reference_target ORDER BY indicator_code, year, id`
    ).all();
  }
  shockYears() {
    return this.db.prepare("SELECT year, reason FROM shock_year ORDER BY year").all();
  }
  values(series) {
    const rows = this.db.prepare("SELECT indicator_id AS indicatorId, year, series, value, source, illustrative FROM value").all();
    const wanted = series ? new Set(series) : void 0;
    const byIndicator = /* @__PURE__ */ new Map();
    for (const r2 of rows) {
      if (wanted && !wanted.has(r2.series)) continue;
      r2.illustrative = r2.illustrative === 1;
      const list = byIndicator.get(r2.indicatorId);
      if (list) list.push(r2);
      else byIndicator.set(r2.indicatorId, [r2]);
    }
    const out = [];
    const bySeriesYear = (a, b) => a.series < b.series ? -1 : a.series > b.series ? 1 : a.year - b.year;
    for (const ind of this.indicatorIndex().list) {
      const list = byIndicator.get(ind.id);
      if (!list) continue;
      list.sort(bySeriesYear);
      for (const v of list) out.push(v);
    }
    return out;
  }
  summary() {
    return {
      path: this.path,
      fileName: path4.basename(this.path),
      schemaVersion: this.schemaVersion,
      plan: this.plan(),
      indicators: this.indicators(),
      scenarios: this.scenarios(),
      readOnly: this.readOnly,
      location: { kind: "local" }
    };
  }
  /** A consistent image of the workbook written to `file` with SQLite's backup API; this stays open. */
  async backupTo(file2) {
    await this.db.backup(file2);
    fsyncFile(file2);
  }
  /**
   * Save As: the backup API writes a consistent copy to a temp file beside the target, which is
   * then renamed over it. The original stays as it was; the returned workbook is the copy.
   */
  async saveAs(target, overwrite = false) {
    const absolute = path4.resolve(target);
    if (absolute === this.path) {
      throw new AppError("bad_input", "Save As needs a different file than the open one", { file: path4.basename(absolute) }, "path");
    }
    if (!overwrite && fs5.existsSync(absolute)) {
      throw new AppError("already_exists", `${path4.basename(absolute)} already exists`, { file: path4.basename(absolute) });
    }
    fs5.mkdirSync(path4.dirname(absolute), { recursive: true });
    const targetLock = WorkbookLock.acquire(absolute);
    if (!(targetLock instanceof WorkbookLock)) throw lockedError(absolute, targetLock.heldBy);
    const temp = siblingTemp(absolute, "saving");
    try {
      await this.db.backup(temp);
      fsyncFile(temp);
      fs5.renameSync(temp, absolute);
      fsyncDir(path4.dirname(absolute));
    } catch (err) {
      fs5.rmSync(temp, { force: true });
      targetLock.release();
      if (err instanceof AppError) throw err;
      throw new AppError("io_error", `Could not save ${path4.basename(absolute)}: ${err.message}`, {
        file: path4.basename(absolute)
      });
    }
    targetLock.release();
    const copy = await _Workbook.open(absolute, { ...this.opts, readOnly: false });
    this.close();
    return copy;
  }
  /** How the connection is set up; shown in Tentang and asserted by tests. */
  connectionSettings() {
    return {
      journalMode: String(this.db.pragma("journal_mode", { simple: true })),
      synchronous: Number(this.db.pragma("synchronous", { simple: true })),
      foreignKeys: Number(this.db.pragma("foreign_keys", { simple: true })) === 1
    };
  }
  /**
   * The one way anything writes to the workbook: `fn` runs inside one transaction as one undo
   * step labelled `action`; every cell it writes is checked against its indicator's rules, the
   * change log records it as `actor`, and the kept state hears of it once it is committed.
   */
  edit(actor, action, scenarioId, fn) {
    this.requireWritable();
    return runEdit(this.editContext(actor), this.db, action, scenarioId, fn, (e) => this.afterEdit(e));
  }
  /** Takes back the newest step; null when there is none. */
  undo(actor) {
    this.requireWritable();
    return runReplay(this.editContext(actor), this.db, "undo", (e) => this.afterEdit(e));
  }
  /** Makes the step undone last again; null when there is none. */
  redo(actor) {
    this.requireWritable();
    return runReplay(this.editContext(actor), this.db, "redo", (e) => this.afterEdit(e));
  }
  editContext(actor) {
    this.caches.validate();
    return { st: this.st, plan: this.plan(), indicators: this.indicatorIndex(), reads: this.reads, actor };
  }
  afterEdit(effect) {
    this.caches.afterEdit(effect);
  }
  requireWritable() {
    if (this.readOnly) {
      throw new AppError("read_only", `${path4.basename(this.path)} is open read-only; close it elsewhere and open it again to edit`, {
        file: path4.basename(this.path)
      });
    }
  }
  close() {
    if (this.db.open) this.db.close();
    this.lock?.release();
  }
};
function seed(db, spec) {
  const now = (/* @__PURE__ */ new Date()).toISOString();
  db.transaction(() => {
    const p = spec.plan;
    db.prepare(
      "INSERT INTO plan (id, region, province, baseline_year, first_year, last_year, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)"
    ).run(p.region, p.province, p.baselineYear, p.firstYear, p.lastYear, now);
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'reference_target'").get()) seedReferences(db, p.province);
    const insertIndicator = db.prepare(
      `INSERT INTO indicator (code, name_id, name_en, unit, polarity, decimals, grp, definition, min_value, max_value, sort_order)
       VALUES (@code, @nameId, @nameEn, @unit, @polarity, @decimals, @group, @definition, @minValue, @maxValue, @sortOrder)`
    );
    const ids = /* @__PURE__ */ new Map();
    (spec.indicators ?? STANDARD_INDICATORS).forEach((ind, i) => {
      ids.set(ind.code, insertIndicator.run({ ...ind, sortOrder: (i + 1) * 10 }).lastInsertRowid);
    });
    const insertValue = db.prepare(
      "INSERT INTO value (indicator_id, year, series, value, source, illustrative) VALUES (?, ?, ?, ?, ?, ?)"
    );
    for (const v of spec.values ?? []) {
      const id3 = ids.get(v.indicatorCode);
      if (id3 === void 0) throw new Error(`Seed value names unknown indicator ${v.indicatorCode}`);
      if (v.year < p.baselineYear || v.year > p.lastYear) {
        throw new Error(`Seed value ${v.indicatorCode} ${v.year} is outside the plan years`);
      }
      insertValue.run(id3, v.year, v.series, v.value, v.source, v.illustrative ? 1 : 0);
    }
  })();
}

// electron/workbook/demo.ts
var demoSchema = z3.object({
  plan: z3.object({
    region: z3.string(),
    province: z3.string(),
    baselineYear: z3.number().int(),
    firstYear: z3.number().int(),
    lastYear: z3.number().int()
  }),
  sources: z3.record(z3.string(), z3.string()),
  illustrativeSource: z3.string().min(1),
  values: z3.array(
    z3.object({
      indicator: z3.string(),
      series: z3.enum(SERIES),
      year: z3.number().int(),
      value: z3.number().finite(),
      sources: z3.array(z3.string()).optional(),
      illustrative: z3.boolean().optional(),
      note: z3.string().optional()
    })
  )
});
function demoSpec(raw = muara_enim_default) {
  const data = demoSchema.parse(raw);
  const values = data.values.map((v, i) => {
    const illustrative = v.illustrative === true;
    if (!illustrative && !v.sources?.length) throw new Error(`Demo value #${i} (${v.indicator} ${v.year}) has no source`);
    const cited = (v.sources ?? []).map((key) => {
      const text = data.sources[key];
      if (!text) throw new Error(`Demo value #${i} cites unknown source [${key}]`);
      return `[${key}] ${text}`;
    });
    const source = illustrative ? data.illustrativeSource : [...cited, ...v.note ? [`catatan: ${v.note}`] : []].join("; ");
    return { indicatorCode: v.indicator, year: v.year, series: v.series, value: v.value, source, illustrative };
  });
  return { plan: data.plan, values };
}
function createDemoWorkbook(filePath2, opts = {}) {
  return Workbook.create(filePath2, demoSpec(), opts);
}

// electron/workbook/local-copy.ts
import { createHash } from "node:crypto";
import fs6 from "node:fs";
import path5 from "node:path";
function digestFile(file2) {
  return createHash("sha256").update(fs6.readFileSync(file2)).digest("hex");
}
function fsyncPath(p, flags = "r") {
  let fd;
  try {
    fd = fs6.openSync(p, flags);
    fs6.fsyncSync(fd);
  } catch {
  } finally {
    if (fd !== void 0) fs6.closeSync(fd);
  }
}
function stamp(now) {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}
function conflictName(dir, original, now = /* @__PURE__ */ new Date()) {
  const ext = path5.extname(original);
  return path5.join(dir, `${path5.basename(original, ext)}.konflik-${stamp(now)}${ext}`);
}
function copyFolder(workRoot, original) {
  return path5.join(workRoot, createHash("sha256").update(original).digest("hex").slice(0, 16));
}
var LocalCopy = class _LocalCopy {
  constructor(original, local, location, lock, record, recovered, conflictCopy) {
    this.original = original;
    this.local = local;
    this.location = location;
    this.lock = lock;
    this.record = record;
    this.recovered = recovered;
    this.conflictCopy = conflictCopy;
  }
  original;
  local;
  location;
  lock;
  record;
  recovered;
  conflictCopy;
  /**
   * Takes the original's lock and makes (or resumes) the local copy. `normalize` opens and closes
   * the original in place when it carries a hot journal, so SQLite rolls the interrupted write
   * back there before any bytes are copied (copying a file with a hot journal would copy a torn
   * write).
   */
  static async prepare(original, location, workRoot, normalize) {
    if (!fs6.existsSync(original)) {
      throw new AppError("not_found", `${path5.basename(original)} does not exist`, { file: path5.basename(original) });
    }
    if (fs6.existsSync(`${original}-journal`)) await normalize(original);
    const lock = WorkbookLock.acquire(original);
    if (!(lock instanceof WorkbookLock)) {
      const owner = lock.heldBy;
      throw new AppError("locked", `${path5.basename(original)} is already open in another window or process (pid ${owner.pid} on ${owner.host}); open it read-only, or close it there first`, {
        file: path5.basename(original),
        pid: owner.pid,
        host: owner.host,
        since: owner.since
      });
    }
    try {
      const dir = copyFolder(workRoot, original);
      fs6.mkdirSync(dir, { recursive: true });
      const local = path5.join(dir, path5.basename(original));
      const recordFile = path5.join(dir, "copy.json");
      const digest = digestFile(original);
      const previous = readRecord(recordFile);
      let recovered = null;
      let conflictCopy = null;
      if (previous && fs6.existsSync(local) && localChanged(local, previous)) {
        if (previous.originalDigest === digest) {
          recovered = "resumed";
        } else {
          conflictCopy = conflictName(dir, original);
          fs6.renameSync(local, conflictCopy);
          recovered = "conflict";
        }
      }
      if (recovered !== "resumed") {
        fs6.rmSync(`${local}-journal`, { force: true });
        fs6.copyFileSync(original, local);
      }
      const record = recovered === "resumed" ? previous : snapshot(original, local, digest);
      writeRecord(recordFile, record);
      return new _LocalCopy(original, local, location, lock, record, recovered, conflictCopy);
    } catch (err) {
      lock.release();
      if (err instanceof AppError) throw err;
      throw new AppError("io_error", `Could not make a local copy of ${path5.basename(original)}: ${err.message}`, {
        file: path5.basename(original)
      });
    }
  }
  /** Edits made on the copy since it was made or last saved back. */
  get unsaved() {
    return localChanged(this.local, this.record);
  }
  /**
   * Writes the copy back over the original. `backup` writes a consistent image of the open
   * workbook to the path it is given (SQLite's backup API).
   */
  async saveBack(backup, now = /* @__PURE__ */ new Date()) {
    const dir = path5.dirname(this.local);
    const image = path5.join(dir, `.saving-${process.pid}.tmp`);
    const beside = path5.join(path5.dirname(this.original), `.${path5.basename(this.original)}.saving-${process.pid}.tmp`);
    try {
      await backup(image);
      const digest = digestFile(image);
      const theirs = fs6.existsSync(this.original) ? digestFile(this.original) : null;
      const conflict = theirs !== null && theirs !== this.record.originalDigest;
      const target = conflict ? conflictName(path5.dirname(this.original), this.original, now) : this.original;
      fs6.copyFileSync(image, beside);
      fsyncPath(beside, "r+");
      fs6.renameSync(beside, target);
      fsyncPath(path5.dirname(target));
      this.record = conflict ? { ...snapshot(this.original, this.local, this.record.originalDigest) } : snapshot(this.original, this.local, digest);
      writeRecord(path5.join(dir, "copy.json"), this.record);
      return { savedTo: target, conflict };
    } catch (err) {
      fs6.rmSync(beside, { force: true });
      throw new AppError("io_error", `Could not save back to ${this.original}: ${err.message}. Your edits are safe in the local copy ${this.local}; it is resumed the next time you open the file`, {
        file: path5.basename(this.original)
      });
    } finally {
      fs6.rmSync(image, { force: true });
    }
  }
  /**
   * Gives the original's lock back. The copy is removed when it holds nothing unsaved;
   * otherwise it stays for the next open to resume.
   */
  release() {
    if (!this.unsaved) {
      fs6.rmSync(path5.dirname(this.local), { recursive: true, force: true });
    }
    this.lock.release();
  }
  describe() {
    const loc = this.location;
    return {
      kind: loc.kind,
      label: loc.kind === "cloud" ? loc.provider : loc.detail,
      original: this.original,
      localCopy: this.local,
      unsaved: this.unsaved,
      recovered: this.recovered,
      conflictCopy: this.conflictCopy
    };
  }
};
function snapshot(original, local, digest) {
  const st = fs6.statSync(local);
  return { original, originalDigest: digest, localSize: st.size, localMtimeMs: st.mtimeMs };
}
function localChanged(local, record) {
  try {
    const st = fs6.statSync(local);
    return st.size !== record.localSize || st.mtimeMs !== record.localMtimeMs;
  } catch {
    return false;
  }
}
function readRecord(file2) {
  try {
    const r2 = JSON.parse(fs6.readFileSync(file2, "utf8"));
    if (typeof r2.original !== "string" || typeof r2.originalDigest !== "string" || typeof r2.localSize !== "number" || typeof r2.localMtimeMs !== "number") {
      return null;
    }
    return r2;
  } catch {
    return null;
  }
}
function writeRecord(file2, record) {
  const temp = `${file2}.tmp`;
  fs6.writeFileSync(temp, JSON.stringify(record));
  fs6.renameSync(temp, file2);
}

// electron/workbook/location.ts
import fs7 from "node:fs";
import os2 from "node:os";
import path6 from "node:path";
var NETWORK_FS = /^(nfs\d?|cifs|smb\d?|smbfs|ncpfs|afs|9p|fuse\.(sshfs|rclone|gvfsd-fuse|s3fs|davfs)|davfs|ceph|glusterfs|lustre|webdav)$/i;
var CLOUD_FS = /^fuse\.(google-drive-ocamlfuse|onedriver|insync|dropbox)$/i;
var CLOUD_SEGMENTS = [
  [/^OneDrive( - .+)?$/i, "OneDrive"],
  [/^Dropbox( \(.+\))?$/i, "Dropbox"],
  [/^(Google Drive|My Drive|GoogleDrive-.+)$/i, "Google Drive"],
  [/^(iCloud Drive|Mobile Documents)$/i, "iCloud Drive"],
  [/^Box( Sync)?$/i, "Box"]
];
function isWindowsPath(p, platform) {
  return platform === "win32" || /^[a-zA-Z]:[\\/]/.test(p) || /^\\\\/.test(p);
}
function within(file2, root, caseless) {
  const norm = (s2) => {
    const slashed = s2.replace(/\\/g, "/").replace(/\/+$/, "");
    return caseless ? slashed.toLowerCase() : slashed;
  };
  const f = norm(file2);
  const r2 = norm(root);
  return r2.length > 0 && (f === r2 || f.startsWith(`${r2}/`));
}
function classifyLocation(file2, probe) {
  const windows = isWindowsPath(file2, probe.platform);
  const unc = /^[\\/]{2}(?:\?[\\/]UNC[\\/])?([^\\/?]+)[\\/]/i.exec(file2);
  if (windows && unc && !/^[\\/]{2}\?[\\/][a-zA-Z]:/.test(file2)) return { kind: "network", via: "unc", detail: unc[1] };
  const drive = /^([a-zA-Z]):[\\/]/.exec(file2)?.[1]?.toUpperCase();
  if (drive && probe.networkDrives.includes(drive)) return { kind: "network", via: "mapped-drive", detail: `${drive}:` };
  const declared = probe.remoteRoots.find((r2) => within(file2, r2, windows));
  if (declared) return { kind: "network", via: "declared", detail: declared };
  const envRoots = [];
  for (const key of ["OneDrive", "OneDriveCommercial", "OneDriveConsumer"]) {
    const v = probe.env[key];
    if (v) envRoots.push({ provider: "OneDrive", root: v });
  }
  for (const r2 of [...envRoots, ...probe.cloudRoots]) {
    if (within(file2, r2.root, windows)) return { kind: "cloud", provider: r2.provider, root: r2.root };
  }
  if (!windows) {
    let best;
    for (const m of probe.mounts) {
      if (within(file2, m.mountPoint, false) || m.mountPoint === "/") {
        if (!best || m.mountPoint.length > best.mountPoint.length) best = m;
      }
    }
    if (best && CLOUD_FS.test(best.fsType)) {
      const provider = /google/i.test(best.fsType) ? "Google Drive" : /dropbox/i.test(best.fsType) ? "Dropbox" : "OneDrive";
      return { kind: "cloud", provider, root: best.mountPoint };
    }
    if (best && NETWORK_FS.test(best.fsType)) return { kind: "network", via: "network-mount", detail: best.fsType };
    const cloudStorage = path6.posix.join(probe.homedir.replace(/\\/g, "/"), "Library", "CloudStorage");
    if (within(file2, cloudStorage, false)) {
      const first = file2.replace(/\\/g, "/").slice(cloudStorage.length + 1).split("/")[0] ?? "";
      const provider = /^GoogleDrive/i.test(first) ? "Google Drive" : /^Dropbox/i.test(first) ? "Dropbox" : /^Box/i.test(first) ? "Box" : "OneDrive";
      return { kind: "cloud", provider, root: path6.posix.join(cloudStorage, first) };
    }
  }
  const segments = file2.split(/[\\/]+/);
  for (let i = 0; i < segments.length - 1; i++) {
    const hit = CLOUD_SEGMENTS.find(([re]) => re.test(segments[i]));
    if (hit) return { kind: "cloud", provider: hit[1], root: segments.slice(0, i + 1).join(windows ? "\\" : "/") };
  }
  return { kind: "local" };
}
function parseProcMounts(text) {
  const unescape = (s2) => s2.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
  return text.split("\n").map((line) => line.split(" ")).filter((f) => f.length >= 3).map((f) => ({ mountPoint: unescape(f[1]), fsType: f[2] }));
}
function parseDropboxInfo(text) {
  try {
    const info = JSON.parse(text);
    if (!info || typeof info !== "object") return [];
    return Object.values(info).map((v) => v && typeof v === "object" ? v.path : void 0).filter((p) => typeof p === "string" && p.length > 0);
  } catch {
    return [];
  }
}
function readText(file2) {
  try {
    return fs7.readFileSync(file2, "utf8");
  } catch {
    return null;
  }
}
function systemLocationProbe(env = process.env) {
  const platform = process.platform;
  const homedir = os2.homedir();
  const mounts = platform === "linux" ? parseProcMounts(readText("/proc/mounts") ?? "") : [];
  const dropboxInfo = [
    env.APPDATA && path6.join(env.APPDATA, "Dropbox", "info.json"),
    env.LOCALAPPDATA && path6.join(env.LOCALAPPDATA, "Dropbox", "info.json"),
    path6.join(homedir, ".dropbox", "info.json")
  ].filter((p) => Boolean(p));
  const cloudRoots = dropboxInfo.flatMap((f) => parseDropboxInfo(readText(f) ?? "")).map((root) => ({ provider: "Dropbox", root }));
  const remoteRoots = (env.RPJMD_WORKBENCH_REMOTE_ROOTS ?? "").split(path6.delimiter).map((r2) => r2.trim()).filter(Boolean);
  return { platform, env, homedir, mounts, networkDrives: [], cloudRoots, remoteRoots };
}

// electron/services/paths.ts
import path7 from "node:path";
function demoWorkbookPath(dataDir) {
  return path7.join(dataDir, "workbooks", "muara-enim-demo.rpjmd");
}
function recentFilesPath(dataDir) {
  return path7.join(dataDir, "recent-files.json");
}
function localCopiesPath(dataDir) {
  return path7.join(dataDir, "local-copies");
}

// electron/services/recent-files.ts
import fs8 from "node:fs";
import path8 from "node:path";
import crypto4 from "node:crypto";
import { z as z4 } from "zod";
var MAX_RECENT = 10;
var schema = z4.array(z4.object({ path: z4.string().min(1), openedAt: z4.string() }));
var RecentFiles = class {
  constructor(file2) {
    this.file = file2;
  }
  file;
  /** A missing or unreadable list is an empty list: it is a convenience, never a reason to fail. */
  list() {
    try {
      const parsed = schema.safeParse(JSON.parse(fs8.readFileSync(this.file, "utf8")));
      return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }
  add(filePath2, now = /* @__PURE__ */ new Date()) {
    const entry = { path: filePath2, openedAt: now.toISOString() };
    const next = [entry, ...this.list().filter((r2) => r2.path !== filePath2)].slice(0, MAX_RECENT);
    this.write(next);
    return next;
  }
  write(list) {
    fs8.mkdirSync(path8.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${crypto4.randomBytes(4).toString("hex")}.tmp`;
    fs8.writeFileSync(temp, JSON.stringify(list, null, 2));
    fs8.renameSync(temp, this.file);
  }
};

// electron/services/session.ts
var DEFAULT_PLAN = {
  region: "Kabupaten Baru",
  province: "Sumatera Selatan",
  baselineYear: 2017,
  firstYear: 2018,
  lastYear: 2023
};
function osUserName() {
  try {
    return os3.userInfo().username || "unknown";
  } catch {
    return process.env.USER || process.env.USERNAME || "unknown";
  }
}
var Session = class {
  constructor(options, probe = () => systemLocationProbe()) {
    this.options = options;
    this.userName = osUserName();
    this.recent = new RecentFiles(recentFilesPath(options.dataDir));
    this.store = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    this.probe = probe;
  }
  options;
  workbook;
  /** Set while the open workbook is the local copy of a network or cloud file. */
  remote;
  recent;
  store;
  probe;
  /** The OS user name the change log records for every write. */
  userName;
  /** What the renderer shows: for a network or cloud file, the original's name and the copy's state. */
  summary(wb = this.require()) {
    const base = wb.summary();
    if (!this.remote || wb !== this.workbook) return base;
    return { ...base, path: this.remote.original, fileName: path9.basename(this.remote.original), location: this.remote.describe() };
  }
  get current() {
    return this.workbook;
  }
  /** The open workbook, or a no_workbook failure for methods that need one. */
  require() {
    if (!this.workbook) throw new AppError("no_workbook", "No workbook is open");
    return this.workbook;
  }
  async open(filePath2, readOnly = false) {
    const absolute = path9.resolve(filePath2);
    const openPath = this.remote?.original ?? this.workbook?.path;
    if (this.workbook && !readOnly && absolute === openPath && !this.workbook.readOnly) return this.workbook;
    const location = classifyLocation(absolute, this.probe());
    if (location.kind === "local" || readOnly) {
      return this.replace(await Workbook.open(absolute, { ...this.store, readOnly }));
    }
    const copy = await LocalCopy.prepare(absolute, location, localCopiesPath(this.options.dataDir), async (file2) => {
      (await Workbook.open(file2, this.store)).close();
    });
    let next;
    try {
      next = await Workbook.open(copy.local, this.store);
    } catch (err) {
      copy.release();
      throw err;
    }
    return this.replace(next, copy);
  }
  async create(filePath2, plan = DEFAULT_PLAN) {
    const absolute = path9.resolve(filePath2);
    const wb = await Workbook.create(absolute, { plan }, this.store);
    if (classifyLocation(absolute, this.probe()).kind === "local") return this.replace(wb);
    wb.close();
    return this.open(absolute);
  }
  /** Writes the local copy of a network or cloud workbook back to its original. */
  async saveBack() {
    const wb = this.require();
    if (!this.remote) {
      throw new AppError("bad_input", `${path9.basename(wb.path)} is on a local disk and is saved as you work; nothing to save back`, { file: path9.basename(wb.path) });
    }
    const result = await this.remote.saveBack((file2) => wb.backupTo(file2));
    return { ...result, summary: this.summary(wb) };
  }
  async openDemo() {
    const file2 = demoWorkbookPath(this.options.dataDir);
    if (fs9.existsSync(file2)) return this.open(file2);
    return this.replace(await createDemoWorkbook(file2, this.store));
  }
  async saveAs(target, overwrite) {
    const absolute = path9.resolve(target);
    if (this.remote && absolute === this.remote.original) {
      throw new AppError("bad_input", "Save As needs a different file than the open one", { file: path9.basename(absolute) }, "path");
    }
    const copy = await this.require().saveAs(absolute, overwrite);
    this.remote?.release();
    this.remote = void 0;
    this.workbook = copy;
    this.recent.add(copy.path);
    if (classifyLocation(absolute, this.probe()).kind !== "local") {
      copy.close();
      this.workbook = void 0;
      return this.open(absolute);
    }
    return copy;
  }
  /**
   * Closes the open workbook. A network or cloud workbook is saved back first; when that fails
   * (the share is gone) it stays open and the failure says where the edits are safe.
   */
  async close() {
    if (this.remote?.unsaved && this.workbook) {
      const wb = this.workbook;
      await this.remote.saveBack((file2) => wb.backupTo(file2));
    }
    this.closeNow();
  }
  /** Closing for good (the process ends): save back when possible, never throw; an unsaved copy stays to be resumed. */
  async shutdown() {
    try {
      await this.close();
    } catch (err) {
      console.error(`[session] ${err instanceof Error ? err.message : String(err)}`);
      this.closeNow();
    }
  }
  closeNow() {
    this.workbook?.close();
    this.remote?.release();
    this.workbook = void 0;
    this.remote = void 0;
  }
  async replace(next, remote) {
    if (this.workbook && this.workbook !== next) {
      const previous = this.workbook;
      const previousRemote = this.remote;
      if (previousRemote?.unsaved) {
        try {
          await previousRemote.saveBack((file2) => previous.backupTo(file2));
        } catch (err) {
          console.error(`[session] ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      previous.close();
      previousRemote?.release();
    }
    this.workbook = next;
    this.remote = remote;
    this.recent.add(remote?.original ?? next.path);
    return next;
  }
};

// electron/services/index.ts
function createServices(options) {
  const session = new Session(options);
  const dispatch = createDispatch(createHandlers(session), (err) => {
    console.error("[services] internal error:", err);
  });
  return { dispatch, session, close: () => session.shutdown() };
}

// .prof.ts
var file = "/tmp/bench/prof.rpjmd";
fs10.copyFileSync("/tmp/bench/rpjmd.rpjmd", file);
var src = new Database2("/tmp/bench/rpjmd.rpjmd", { readonly: true });
var sid = src.prepare("SELECT id FROM scenario WHERE status='draft' ORDER BY id LIMIT 1").pluck().get();
var dec = new Map(src.prepare("SELECT id, decimals FROM indicator").all().map((r2) => [r2.id, r2.decimals]));
var cells = src.prepare("SELECT indicator_id indicatorId, year, value FROM scenario_target WHERE scenario_id=? ORDER BY indicator_id, year LIMIT 5000").all(sid);
var blocks = [0.98, 1.02].map((f) => cells.map((c) => ({ ...c, value: roundTo(c.value * f, dec.get(c.indicatorId)) })));
var s = createServices({ dataDir: "/tmp/bench/data", host: "browser", appVersion: "x" });
var r = await s.dispatch("workbook.open", { path: file });
if (!r.ok) throw new Error(JSON.stringify(r));
var times = [];
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  const x = await s.dispatch("targets.set", { scenarioId: sid, action: "target.paste", cells: blocks[i % 2] });
  if (!x.ok) throw new Error(JSON.stringify(x).slice(0, 300));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log("median", times[30].toFixed(1));
await s.close();
