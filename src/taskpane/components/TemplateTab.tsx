/**
 * 模板: choose a built-in template or import one (JSON), check and adjust indicators, weights,
 * sources and tiers, paste the ratee and rater lists, and install the sheets into the workbook.
 */
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Input,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTemplateJson, validateTemplate, type Template } from '../../core/template';
import { importIndicatorTable } from '../../core/template-import';
import { builtinTemplates } from '../../core/templates';
import type { Lang } from '../../core/types';
import type { ClashChoice, InstallReport } from '../../hosts/types';
import { parseRateeList, parseRaterList, type ListProblem } from '../model/lists';
import {
  NEW_WORDS,
  addItem,
  applyEdit,
  draftOf,
  draftProblems,
  moveItem,
  removeItem,
  sameTemplate,
  sourceShares,
  templateFacts,
  type Part,
  type TemplateDraft,
  type TemplateEdit,
} from '../model/templateEdit';
import { useAnnounce } from './Announcer';
import { useHost } from './HostContext';
import { usePaneStyles } from './paneStyles';
import { NumberField } from './NumberField';
import { RequirementsEditor } from './RequirementsEditor';
import { useAction } from './useAction';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  dim: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  num: { width: '72px' },
  list: { margin: '0', paddingLeft: '18px' },
  item: { display: 'flex', alignItems: 'center', columnGap: '2px' },
  itemName: { flexGrow: 1, minWidth: 0 },
  iconButton: { minWidth: '28px', paddingLeft: '2px', paddingRight: '2px' },
});

/** The name of a template, indicator, source or tier in the pane's language. */
export function localName(x: { name: string; nameEn?: string }, lang: Lang): string {
  return lang === 'en' && x.nameEn ? x.nameEn : x.name;
}

export interface TemplateTabProps {
  onInstalled(template: Template): void;
  /** The edited template differs from the one in the workbook (true) or not (false). */
  onPending?(pending: boolean): void;
  /** Asked to bring a template in from outside (the first-run sample): chosen as if picked. */
  offered?: Template | null;
}

export function TemplateTab({ onInstalled, onPending, offered }: TemplateTabProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const host = useHost();
  const builtins = useMemo(() => builtinTemplates(), []);
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const [rateeText, setRateeText] = useState('');
  const [raterText, setRaterText] = useState('');
  const [clash, setClash] = useState<string[] | null>(null);
  const [clashChoice, setClashChoice] = useState<ClashChoice>('upgrade');
  const [report, setReport] = useState<InstallReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const action = useAction();
  const announce = useAnnounce();
  const [pasteOpen, setPasteOpen] = useState(false);
  const [tableText, setTableText] = useState('');
  const [tableName, setTableName] = useState('');
  const [tableResult, setTableResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [structure, setStructure] = useState(false);
  const [installed, setInstalled] = useState<Template | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const validation = useMemo(() => (draft ? validateTemplate(draft) : null), [draft]);
  const problems = useMemo(() => (draft ? draftProblems(draft, lang) : []), [draft, lang]);
  const template = validation?.ok && problems.length === 0 ? validation.template : null;
  const pending =
    installed !== null &&
    template !== null &&
    template.id === installed.id &&
    !sameTemplate(template, installed);

  // What the workbook holds already: its template, so an edit after install says it is not applied.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        if (!(await host.findInstallation())) return;
        const content = await host.readContent();
        if (!live) return;
        setInstalled(content.template);
        setDraft((d) => d ?? draftOf(content.template));
      } catch {
        // No readable installation: the pane starts from the template list.
      }
    })();
    return () => {
      live = false;
    };
  }, [host]);

  useEffect(() => onPending?.(pending), [pending, onPending]);
  useEffect(() => {
    if (!offered) return;
    setDraft(draftOf(offered));
    setInstalled(offered); // the sample is installed exactly as offered
  }, [offered]);

  const importTable = () => {
    const r = importIndicatorTable(tableText, { name: tableName.trim() || undefined, lang });
    if (r.ok) {
      choose(r.template);
      setTableResult({ ok: true, lines: r.notes });
      announce(t('template.paste.done', { count: r.template.indicators.length }));
    } else {
      setTableResult({ ok: false, lines: r.errors });
      announce(r.errors[0]);
    }
  };

  const structural = (next: TemplateDraft) => {
    setDraft(next);
    setReport(null);
  };

  const exportJson = () =>
    action.run(async () => {
      if (!template) return;
      const name = `${template.id}.json`;
      const bytes = new TextEncoder().encode(JSON.stringify(template, null, 2) + '\n');
      const outcome = await host.saveFile({ name, type: 'application/json', bytes });
      const key = { opened: 'exportOpened', downloaded: 'exported', offered: 'exportOffered' }[outcome];
      setExported(t(`template.${key}`, { name }));
    });
  const ratees = useMemo(() => parseRateeList(rateeText), [rateeText]);
  const raters = useMemo(() => parseRaterList(raterText, template?.sources ?? []), [raterText, template]);

  const choose = (tpl: Template) => {
    setDraft(draftOf(tpl));
    setImportErrors(null);
    setReport(null);
    setClash(null);
  };

  const importFile = async (file: File) => {
    const parsed = parseTemplateJson(await file.text());
    if (parsed.ok) choose(parsed.template);
    else setImportErrors(parsed.errors);
  };

  const edit = (e: TemplateEdit) => {
    if (draft) setDraft(applyEdit(draft, e));
    setReport(null);
  };

  const listProblemText = (p: ListProblem) =>
    t(`lists.problem.${p.key}`, { line: p.line, found: p.found, allowed: (p.allowed ?? []).join(', ') });

  const listsOk = ratees.problems.length === 0 && raters.problems.length === 0;

  const install = (choice?: ClashChoice) =>
    action.run(async (progress) => {
      if (!template) return;
      setReport(null);
      if (!choice) {
        const existing = await host.findInstallation();
        if (existing) {
          setClash(existing.sheets);
          return;
        }
      }
      setClash(null);
      const result = await host.install(
        {
          template,
          ratees: ratees.items.length > 0 ? ratees.items : undefined,
          raters: raters.items.length > 0 ? raters.items : undefined,
          onClash: choice,
        },
        (step, done, total) => progress({ step, fraction: total > 0 ? done / total : undefined }),
      );
      setReport(result);
      setInstalled(template);
      onInstalled(template);
      announce(
        `${t('install.done')} ${result.keptEntries > 0 ? t('install.kept', { count: result.keptEntries }) : ''}`,
      );
      requestAnimationFrame(() => doneRef.current?.focus());
    });

  const selectedId = template?.id ?? (draft?.id as string | undefined);

  return (
    <section className={pane.section} aria-labelledby="tpl-h">
      <h2 id="tpl-h" className={pane.h2}>
        {t('template.heading')}
      </h2>
      <Field label={t('template.builtin')}>
        <Dropdown
          data-testid="template-select"
          placeholder={t('template.choose')}
          selectedOptions={selectedId ? [selectedId] : []}
          value={template ? localName(template, lang) : ''}
          onOptionSelect={(_, d) => {
            const tpl = builtins.find((b) => b.id === d.optionValue);
            if (tpl) choose(tpl);
          }}
        >
          {builtins.map((b) => (
            <Option key={b.id} value={b.id} text={localName(b, lang)}>
              {localName(b, lang)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={pane.row}>
        <Button size="small" onClick={() => fileInput.current?.click()} data-testid="template-import">
          {t('template.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="template-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
      </div>
      <div className={pane.row}>
        <Button
          size="small"
          data-testid="indicator-paste-open"
          onClick={() => setPasteOpen((o) => !o)}
          aria-expanded={pasteOpen}
        >
          {t('template.paste.open')}
        </Button>
      </div>
      {pasteOpen && (
        <div className={pane.section} data-testid="indicator-paste-box">
          <p className={pane.muted}>{t('template.paste.hint')}</p>
          <Field label={t('template.paste.name')}>
            <Input
              value={tableName}
              onChange={(_, d) => setTableName(d.value)}
              data-testid="indicator-paste-name"
            />
          </Field>
          <Field label={t('template.paste.table')}>
            <Textarea
              resize="vertical"
              value={tableText}
              placeholder={t('template.paste.placeholder')}
              onChange={(_, d) => setTableText(d.value)}
              data-testid="indicator-paste"
            />
          </Field>
          <div className={pane.row}>
            <Button
              appearance="primary"
              size="small"
              onClick={importTable}
              data-testid="indicator-import"
              disabled={tableText.trim() === ''}
            >
              {t('template.paste.make')}
            </Button>
          </div>
          {tableResult && (
            <MessageBar
              intent={tableResult.ok ? 'success' : 'error'}
              layout="multiline"
              data-testid={tableResult.ok ? 'indicator-import-notes' : 'indicator-import-errors'}
            >
              <MessageBarBody>
                <MessageBarTitle>
                  {tableResult.ok ? t('template.paste.made') : t('template.paste.failed')}
                </MessageBarTitle>
                <ul className={styles.list}>
                  {tableResult.lines.slice(0, 8).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {importErrors && (
        <MessageBar intent="error" data-testid="template-import-errors">
          <MessageBarBody>
            <MessageBarTitle>{t('template.importFailed')}</MessageBarTitle>
            <ul className={styles.list}>
              {importErrors.slice(0, 8).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {draft && validation && !validation.ok && (
        <MessageBar intent="warning" data-testid="template-errors">
          <MessageBarBody>
            <MessageBarTitle>{t('template.invalid', { count: validation.errors.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {validation.errors.slice(0, 8).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {draft && problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="template-problems">
          <MessageBarBody>
            <MessageBarTitle>{t('template.invalid', { count: problems.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {problems.slice(0, 8).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {pending && (
        <MessageBar intent="warning" layout="multiline" data-testid="template-pending">
          <MessageBarBody>
            <MessageBarTitle>{t('template.pending.title')}</MessageBarTitle>
            {t('template.pending.body')}
            <div className={pane.row}>
              <Button
                size="small"
                appearance="primary"
                disabled={action.busy}
                data-testid="template-upgrade"
                onClick={() => void install('upgrade')}
              >
                {t('template.pending.upgrade')}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}

      {template && (
        <>
          <h3 className={pane.h3}>{t('lists.heading')}</h3>
          <p className={pane.muted}>{t('lists.hint')}</p>
          <Field
            label={t('lists.ratees', { count: ratees.items.length })}
            validationState={ratees.problems.length > 0 ? 'error' : 'none'}
            validationMessage={ratees.problems.slice(0, 4).map(listProblemText).join(' ') || undefined}
          >
            <Textarea
              data-testid="ratee-list"
              resize="vertical"
              value={rateeText}
              placeholder={t('lists.rateesPlaceholder')}
              onChange={(_, d) => setRateeText(d.value)}
            />
          </Field>
          <Field
            label={t('lists.raters', { count: raters.items.length })}
            validationState={raters.problems.length > 0 ? 'error' : 'none'}
            validationMessage={raters.problems.slice(0, 4).map(listProblemText).join(' ') || undefined}
          >
            <Textarea
              data-testid="rater-list"
              resize="vertical"
              value={raterText}
              placeholder={t('lists.ratersPlaceholder', { source: localName(template.sources[0], lang) })}
              onChange={(_, d) => setRaterText(d.value)}
            />
          </Field>

          <div className={pane.row}>
            <Button
              appearance="primary"
              data-testid="install"
              disabled={action.busy || !listsOk}
              onClick={() => void install()}
            >
              {t('install.button')}
            </Button>
            {!listsOk && <span className={pane.muted}>{t('install.fixLists')}</span>}
          </div>
        </>
      )}

      {clash && (
        <MessageBar intent="warning" data-testid="install-clash">
          <MessageBarBody>
            <MessageBarTitle>{t('install.clashTitle')}</MessageBarTitle>
            {t('install.clashText', { sheets: clash.join(lang === 'zh' ? '、' : ', ') })}
            <RadioGroup value={clashChoice} onChange={(_, d) => setClashChoice(d.value as ClashChoice)}>
              <Radio value="upgrade" label={t('install.upgrade')} />
              <Radio value="rename" label={t('install.rename')} />
            </RadioGroup>
            <div className={pane.row}>
              <Button
                size="small"
                appearance="primary"
                data-testid="install-confirm"
                onClick={() => void install(clashChoice)}
              >
                {t('install.confirm')}
              </Button>
              <Button size="small" onClick={() => setClash(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}

      {action.busy && (
        <Field validationMessage={action.progress?.step ?? t('install.working')} validationState="none">
          <ProgressBar value={action.progress?.fraction} data-testid="install-progress" />
        </Field>
      )}
      {action.error && (
        <MessageBar intent="error" data-testid="install-error">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <MessageBar intent="success" data-testid="install-done" ref={doneRef} tabIndex={-1}>
          <MessageBarBody>
            <MessageBarTitle>{t('install.done')}</MessageBarTitle>
            {t('install.sheets', { sheets: report.sheets.join(lang === 'zh' ? '、' : ', ') })}
            {Object.entries(report.renamed).map(([from, to]) => (
              <div key={from}>{t('install.renamed', { from, to })}</div>
            ))}
            {report.keptEntries > 0 && <div>{t('install.kept', { count: report.keptEntries })}</div>}
            <div>{t('install.next')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {draft && <h3 className={pane.h3}>{t('template.adjust')}</h3>}
      {draft && (
        <Switch
          checked={structure}
          onChange={(_, d) => setStructure(d.checked)}
          label={t('template.structure.toggle')}
          data-testid="edit-structure"
        />
      )}
      {draft && structure && <StructureEditor draft={draft} onChange={structural} />}
      {draft && <TemplateEditor draft={draft} template={template} onEdit={edit} />}
      {draft && <RequirementsEditor draft={draft} onChange={structural} />}
      {template && (
        <div className={pane.row}>
          <Button
            size="small"
            disabled={action.busy}
            data-testid="template-export"
            onClick={() => void exportJson()}
          >
            {t('template.export')}
          </Button>
          {exported && (
            <span className={pane.muted} data-testid="template-exported">
              {exported}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

interface EditorProps {
  draft: TemplateDraft;
  /** The validated template, or null while the draft has errors. */
  template: Template | null;
  onEdit(e: TemplateEdit): void;
}

/** Shows a draft's value for a number field as the clerk should read it (shares as percent). */
function shown(v: unknown, percent = false): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' && percent) return `${Math.round(v * 10000) / 100}%`;
  return String(v);
}

/** Indicator, source and tier tables of the draft, with the numbers editable. */
function TemplateEditor({ draft, template, onEdit }: EditorProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const indicators = draft.indicators ?? [];
  const sources = draft.sources ?? [];
  const tiers = draft.tiers ?? [];
  const facts = template ? templateFacts(template) : null;
  const shares = template ? new Map(sourceShares(template).map((s) => [s.id, s.share])) : null;
  const text = (x: Record<string, unknown>, key: string) =>
    String((lang === 'en' && x[`${key}En`]) || x[key] || '');
  let lastDimension = '';

  return (
    <div className={pane.section} data-testid="template-editor">
      {template && (
        <p className={pane.muted} data-testid="template-facts">
          {lang === 'en' && template.descriptionEn ? template.descriptionEn : template.description}{' '}
          {facts &&
            t('template.facts', {
              indicators: facts.indicators,
              max: facts.maxTotal,
              dimensions: facts.dimensions.length,
              sources: template.sources.length,
            })}
        </p>
      )}
      <h3 className={pane.h3}>{t('template.indicators')}</h3>
      <Table size="extra-small" className={styles.table} aria-label={t('template.indicators')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('template.indicator')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('template.max')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('template.weight')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {indicators.flatMap((ind, i) => {
            const dim = text(ind, 'dimension');
            const rows = [];
            if (dim !== lastDimension) {
              lastDimension = dim;
              rows.push(
                <TableRow key={`d${i}`}>
                  <TableCell colSpan={3} className={styles.dim}>
                    {dim}
                  </TableCell>
                </TableRow>,
              );
            }
            const label = `${String(ind.id)} ${text(ind, 'name')}`;
            rows.push(
              <TableRow key={`i${i}`}>
                <TableCell title={text(ind, 'criteria') || undefined}>{label}</TableCell>
                <TableCell>
                  <NumberField
                    label={t('template.maxOf', { name: label })}
                    value={shown(ind.max)}
                    onCommit={(value) => onEdit({ part: 'indicators', index: i, field: 'max', value })}
                  />
                </TableCell>
                <TableCell>
                  <NumberField
                    label={t('template.weightOf', { name: label })}
                    value={shown(ind.weight)}
                    onCommit={(value) => onEdit({ part: 'indicators', index: i, field: 'weight', value })}
                  />
                </TableCell>
              </TableRow>,
            );
            return rows;
          })}
        </TableBody>
      </Table>

      <h3 className={pane.h3}>{t('template.sources')}</h3>
      <Table size="extra-small" className={styles.table} aria-label={t('template.sources')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('template.source')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('template.weight')}</TableHeaderCell>
            <TableHeaderCell>{t('template.aggregate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sources.map((s, i) => {
            const name = text(s, 'name');
            const share = shares?.get(String(s.id));
            return (
              <TableRow key={i}>
                <TableCell>
                  {name}
                  {share !== undefined && ` (${Math.round(share * 1000) / 10}%)`}
                </TableCell>
                <TableCell>
                  <NumberField
                    label={t('template.weightOf', { name })}
                    value={shown(s.weight)}
                    onCommit={(value) => onEdit({ part: 'sources', index: i, field: 'weight', value })}
                  />
                </TableCell>
                <TableCell>
                  <Select
                    size="small"
                    aria-label={t('template.aggregateOf', { name })}
                    value={String(s.aggregate ?? 'mean')}
                    onChange={(_, d) =>
                      onEdit({ part: 'sources', index: i, field: 'aggregate', value: d.value })
                    }
                  >
                    <option value="mean">{t('template.agg.mean')}</option>
                    <option value="trimmed">{t('template.agg.trimmed')}</option>
                    <option value="median">{t('template.agg.median')}</option>
                  </Select>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      <h3 className={pane.h3}>{t('template.tiers')}</h3>
      <Table size="extra-small" className={styles.table} aria-label={t('template.tiers')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('template.tier')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('template.min')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('template.maxShare')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tiers.map((tier, i) => {
            const name = text(tier, 'name');
            return (
              <TableRow key={i}>
                <TableCell>{name}</TableCell>
                <TableCell>
                  <NumberField
                    label={t('template.minOf', { name })}
                    value={shown(tier.min)}
                    onCommit={(value) => onEdit({ part: 'tiers', index: i, field: 'min', value })}
                  />
                </TableCell>
                <TableCell>
                  {i < tiers.length - 1 ? (
                    <NumberField
                      label={t('template.maxShareOf', { name })}
                      value={shown(tier.maxShare, true)}
                      testId={`tier-share-${i}`}
                      onCommit={(value) => onEdit({ part: 'tiers', index: i, field: 'maxShare', value })}
                    />
                  ) : (
                    <span title={t('template.floorTier')}>—</span>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

const PART_WORDS: Record<Part, string> = {
  indicators: 'template.indicators',
  sources: 'template.sources',
  tiers: 'template.tiers',
};

/**
 * Adding, renaming, deleting and reordering indicators, sources and tiers. Names are committed
 * as typed; the problems of the result (blank or repeated names, tiers that do not go down)
 * are shown above in the clerk's language and keep the template from being installed.
 */
function StructureEditor({ draft, onChange }: { draft: TemplateDraft; onChange(d: TemplateDraft): void }) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const parts: Part[] = ['indicators', 'sources', 'tiers'];
  return (
    <div className={pane.section} data-testid="structure-editor">
      {parts.map((part) => {
        const list = draft[part] ?? [];
        return (
          <section key={part} aria-label={t(PART_WORDS[part])}>
            <h3 className={pane.h3}>{t(PART_WORDS[part])}</h3>
            <ul className={pane.section} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {list.map((item, i) => {
                const name = String(item.name ?? '');
                const floor = part === 'tiers' && i === list.length - 1;
                return (
                  <li
                    key={`${part}-${i}-${String(item.id ?? '')}`}
                    className={styles.item}
                    data-testid={`structure-${part}`}
                  >
                    <Input
                      size="small"
                      className={styles.itemName}
                      aria-label={t('template.structure.nameOf', { item: name || String(i + 1) })}
                      defaultValue={name}
                      data-testid={`rename-${part}-${i}`}
                      onBlur={(e) => {
                        if (e.target.value !== name)
                          onChange(
                            applyEdit(draft, {
                              part,
                              index: i,
                              field: 'name',
                              value: e.target.value,
                            } as TemplateEdit),
                          );
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                      }}
                    />
                    {part === 'indicators' && (
                      <Input
                        size="small"
                        className={styles.itemName}
                        aria-label={t('template.structure.dimensionOf', { item: name })}
                        defaultValue={String(item.dimension ?? '')}
                        onBlur={(e) => {
                          if (e.target.value !== item.dimension)
                            onChange(
                              applyEdit(draft, { part, index: i, field: 'dimension', value: e.target.value }),
                            );
                        }}
                      />
                    )}
                    <Button
                      size="small"
                      appearance="subtle"
                      className={styles.iconButton}
                      aria-label={t('template.structure.up', { item: name })}
                      disabled={i === 0 || floor}
                      onClick={() => onChange(moveItem(draft, part, i, -1))}
                    >
                      ↑
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      className={styles.iconButton}
                      aria-label={t('template.structure.down', { item: name })}
                      disabled={i === list.length - 1 || (part === 'tiers' && i === list.length - 2)}
                      onClick={() => onChange(moveItem(draft, part, i, 1))}
                    >
                      ↓
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      className={styles.iconButton}
                      aria-label={t('template.structure.remove', { item: name })}
                      data-testid={`remove-${part}-${i}`}
                      disabled={list.length <= 1}
                      onClick={() => onChange(removeItem(draft, part, i))}
                    >
                      ✕
                    </Button>
                  </li>
                );
              })}
            </ul>
            <Button
              size="small"
              data-testid={`add-${part}`}
              onClick={() => onChange(addItem(draft, part, undefined, NEW_WORDS[lang]))}
            >
              {t(`template.structure.add.${part}`)}
            </Button>
          </section>
        );
      })}
    </div>
  );
}
