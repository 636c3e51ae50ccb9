import { dueDateOf, noDeadline, type Deadline } from '@chidao/domain';
import { agencyAt, agencyListAt, type AgencyList } from './agencies';
import { spanOf, warningAt, type ParseContext, type Range } from './context';
import { deadlinesIn, type DeadlineMatch } from './deadlines';
import { extensionsIn, remindersIn, type ExtensionMatch } from './extensions';
import { collapse, toSourceSpan, wordsOf } from './source-text';
import type { ClauseNode, Paragraph } from './structure';
import type { ParsedAgency, ParsedTask, Spanned } from './types';

/**
 * Tasks from the clause tree. A clause that ends in ":" ("Giao Sở X chủ trì, phối hợp với Y …:") and
 * has sub-items is a header: it gives its lead, co-operating bodies, report recipient and deadline to
 * each sub-item, which is a task; a sub-item that names its own lead, co-operation or deadline overrides
 * what it inherits. A paragraph with no marker continues the clause above it, except one that states a
 * deadline of its own when the clause already has one: that is a further task (1.b.2).
 */

/** What a clause says about who does what. */
type Assignment = {
  readonly leads: readonly ParsedAgency[];
  /** Only a group leads it ("các cơ quan, đơn vị"). */
  readonly group: Range | null;
  readonly cooperating: readonly ParsedAgency[];
  readonly cooperatingNote: Spanned<string> | null;
  readonly reportTo: ParsedAgency | null;
};

/** What a header hands down to its sub-items. */
type Inherited = {
  readonly leads: readonly ParsedAgency[];
  readonly cooperating: readonly ParsedAgency[];
  readonly cooperatingNote: Spanned<string> | null;
  readonly reportTo: ParsedAgency | null;
  readonly deadline: Spanned<Deadline> | null;
};

const NOTHING: Inherited = { leads: [], cooperating: [], cooperatingNote: null, reportTo: null, deadline: null };

const ASSIGNING = /^(?:Giao|Đề nghị|Yêu cầu)\s+(?:cho\s+)?/iu;
const HANDS_ON = /^\s*giao\s+(?:cho\s+)?/iu;
const COOPERATE = /phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+/giu;
const REPORT = /báo\s+cáo\s+/giu;
const REPORT_OBJECT = /(?:(?:kết\s+quả(?:\s+thực\s+hiện)?|tiến\s+độ|tình\s+hình(?:\s+thực\s+hiện)?)\s+)?(?:(?:cho|lên|về|gửi)\s+)?/iuy;
const RECIPIENT_LATER = /(?:về|gửi|cho|lên)\s+(?=\p{Lu})/giu;

/** The lead(s) a clause names at its start: "Giao X …", "X chủ trì …", "X, Y theo chức năng …". */
const leadsAt = (ctx: ParseContext, range: Range): { list: AgencyList; group: Range | null } => {
  const text = ctx.src.text;
  const assigning = ASSIGNING.exec(text.slice(range.start, range.end));
  const start = range.start + (assigning?.[0].length ?? 0);
  const list = agencyListAt(ctx, start, range.end);
  if (list.agencies.length > 0) {
    const handsOn = HANDS_ON.exec(text.slice(list.end, range.end));
    if (handsOn !== null) {
      const next = agencyListAt(ctx, list.end + handsOn[0].length, range.end);
      if (next.agencies.length > 0) return { list: next, group: null };
    }
    return { list, group: null };
  }
  return { list, group: list.group ?? null };
};

const cooperationIn = (ctx: ParseContext, range: Range): { agencies: ParsedAgency[]; note: Spanned<string> | null } => {
  const text = ctx.src.text.slice(0, range.end);
  const agencies: ParsedAgency[] = [];
  let note: Spanned<string> | null = null;
  COOPERATE.lastIndex = range.start;
  for (let match = COOPERATE.exec(text); match !== null; match = COOPERATE.exec(text)) {
    const list = agencyListAt(ctx, match.index + match[0].length, range.end);
    agencies.push(...list.agencies);
    if (list.group !== undefined && note === null) note = { value: collapse(text.slice(list.group.start, list.group.end)), span: spanOf(ctx, list.group) };
  }
  return { agencies, note };
};

const reportRecipientIn = (ctx: ParseContext, range: Range): ParsedAgency | null => {
  const text = ctx.src.text.slice(0, range.end);
  REPORT.lastIndex = range.start;
  for (let match = REPORT.exec(text); match !== null; match = REPORT.exec(text)) {
    const after = match.index + match[0].length;
    REPORT_OBJECT.lastIndex = after;
    const object = REPORT_OBJECT.exec(text);
    const direct = agencyAt(ctx, after + (object?.[0].length ?? 0), range.end);
    if (direct !== undefined) return direct.agency;
    const sentenceEnd = text.slice(after, range.end).search(/[;.]|\n/);
    const windowEnd = sentenceEnd < 0 ? range.end : after + sentenceEnd;
    RECIPIENT_LATER.lastIndex = after;
    const window = text.slice(0, windowEnd);
    for (let later = RECIPIENT_LATER.exec(window); later !== null; later = RECIPIENT_LATER.exec(window)) {
      const found = agencyAt(ctx, later.index + later[0].length, windowEnd);
      if (found !== undefined) return found.agency;
    }
  }
  return null;
};

const assignmentIn = (ctx: ParseContext, range: Range): Assignment => {
  const { list, group } = leadsAt(ctx, range);
  const cooperation = cooperationIn(ctx, range);
  return {
    leads: list.agencies,
    group,
    cooperating: cooperation.agencies,
    cooperatingNote: cooperation.note,
    reportTo: reportRecipientIn(ctx, range),
  };
};

const inParentheses = (text: string, from: number, at: number): boolean => {
  let depth = 0;
  for (let i = from; i < at; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
};

const spanned = (ctx: ParseContext, match: DeadlineMatch): Spanned<Deadline> => ({ value: match.deadline, span: spanOf(ctx, match) });

type DeadlineChoice = {
  readonly deadline: Spanned<Deadline> | null;
  readonly original?: Spanned<Deadline>;
  readonly others: readonly Spanned<Deadline>[];
};

/**
 * The deadline in force. With extensions: the one set by the latest (highest number), and the
 * deadline before the first, when the text states one. Without: the last dated deadline outside
 * brackets (the one the sentence ends on, "…; báo cáo UBND tỉnh chậm nhất ngày 06/3/2026"), else the
 * last in brackets, else "thường xuyên"/"kịp thời"; the rest are kept as `otherDeadlines`.
 */
const chooseDeadline = (ctx: ParseContext, range: Range, matches: readonly DeadlineMatch[], extensions: readonly ExtensionMatch[]): DeadlineChoice => {
  const used = new Set(extensions.flatMap((e) => e.uses));
  const free = matches.filter((m) => !used.has(m) && m.rank < 6);
  if (extensions.length > 0) {
    const ordered = [...extensions].sort((a, b) => (a.extension.value.number ?? 100) - (b.extension.value.number ?? 100));
    const latest = ordered.at(-1);
    // ISO dates order as text.
    const firstTo = extensions.map((e) => e.extension.value.to).sort()[0] ?? '';
    const earlier = free.filter((m) => {
      const due = dueDateOf(m.deadline);
      return due !== undefined && due < firstTo;
    });
    const original = earlier.at(-1);
    return {
      deadline: latest?.deadline ?? null,
      ...(original === undefined ? {} : { original: spanned(ctx, original) }),
      others: free.filter((m) => m !== original).map((m) => spanned(ctx, m)),
    };
  }
  const outside = free.filter((m) => !inParentheses(ctx.src.text, range.start, m.start));
  const none = matches.filter((m) => m.rank === 6);
  // "thực hiện thường xuyên" says when; "khẩn trương" / "kịp thời" only how: continuous wins.
  const chosen = outside.at(-1) ?? free.at(-1) ?? none.find((m) => m.deadline.kind === 'none' && m.deadline.reason === 'continuous') ?? none[0];
  return {
    deadline: chosen === undefined ? null : spanned(ctx, chosen),
    others: free.filter((m) => m !== chosen).map((m) => spanned(ctx, m)),
  };
};

const HEADER_END = /(?::|như\s+sau|các\s+nhiệm\s+vụ\s+sau|sau\s+đây|gồm)\s*$/u;

/** A task being built: everything but its final clause number. */
type Draft = Omit<ParsedTask, 'clause'> & { readonly clause: string; readonly section: string | null };

type Walk = {
  readonly ctx: ParseContext;
  readonly drafts: Draft[];
};

const hasDeadline = (ctx: ParseContext, paragraph: Paragraph): boolean =>
  deadlinesIn(ctx, paragraph.content.start, paragraph.content.end).some((m) => m.rank < 6) ||
  /gia\s+hạn/iu.test(ctx.src.text.slice(paragraph.content.start, paragraph.content.end));

/** Splits a clause's paragraphs into its own text and the further tasks stated in their own paragraphs. */
const splitParagraphs = (ctx: ParseContext, node: ClauseNode): { own: Paragraph[]; further: Paragraph[] } => {
  const [first, ...rest] = node.paragraphs;
  if (first === undefined) return { own: [], further: [] };
  const own = [first];
  const further: Paragraph[] = [];
  let dated = hasDeadline(ctx, first);
  for (const paragraph of rest) {
    const has = hasDeadline(ctx, paragraph);
    if (dated && has) further.push(paragraph);
    else {
      own.push(paragraph);
      dated ||= has;
    }
  }
  return { own, further };
};

const emit = (
  walk: Walk,
  clause: string,
  section: string | null,
  taskRange: Range,
  range: Range,
  assignment: Assignment,
  inherited: Inherited,
): void => {
  const { ctx } = walk;
  const matches = deadlinesIn(ctx, range.start, range.end);
  const extensions = extensionsIn(ctx, range, matches);
  const choice = chooseDeadline(ctx, range, matches, extensions);
  const deadline = choice.deadline ?? inherited.deadline ?? {
    value: noDeadline('unspecified'),
    span: toSourceSpan(ctx.src, range.end, range.end),
  };
  if (choice.others.length > 0 && choice.deadline !== null) {
    ctx.warn({
      code: 'several-deadlines',
      message:
        `Khoản ${clause} nêu nhiều thời hạn; đã chọn "${choice.deadline.value.text}", còn: ${choice.others.map((o) => `"${o.value.text}"`).join(', ')}` +
        ` / clause ${clause} states several deadlines; chose "${choice.deadline.value.text}"`,
      span: choice.others[0]?.span ?? spanOf(ctx, range),
    });
  }
  const cooperates = assignment.cooperating.length > 0 || assignment.cooperatingNote !== null;
  const cooperating = cooperates ? assignment.cooperating : inherited.cooperating;
  const cooperatingNote = cooperates ? assignment.cooperatingNote : inherited.cooperatingNote;
  const reportTo = assignment.reportTo ?? inherited.reportTo;
  const leads: readonly (ParsedAgency | null)[] = assignment.leads.length > 0 ? assignment.leads : inherited.leads.length > 0 ? inherited.leads : [null];
  if (leads[0] === null) {
    const group = assignment.group;
    ctx.warn(
      group === null
        ? warningAt(ctx, 'lead-missing', `Khoản ${clause} không nêu cơ quan chủ trì / clause ${clause} names no lead agency`, taskRange.start, taskRange.end)
        : warningAt(
            ctx,
            'lead-group',
            `Khoản ${clause} chỉ giao cho "${collapse(ctx.src.text.slice(group.start, group.end))}", không có cơ quan chủ trì cụ thể / clause ${clause} names only a group, no lead agency`,
            group.start,
            group.end,
          ),
    );
  }
  const content = { value: wordsOf(ctx.src, range.start, range.end), span: spanOf(ctx, range) };
  leads.forEach((lead, index) => {
    const leadId = lead?.agency?.id;
    walk.drafts.push({
      clause: leads.length > 1 ? `${clause}.${index + 1}` : clause,
      section,
      span: spanOf(ctx, taskRange),
      content,
      lead,
      cooperating: cooperating.filter((agency) => agency.agency === null || agency.agency.id !== leadId),
      ...(cooperatingNote === null ? {} : { cooperatingNote: cooperatingNote.value, cooperatingNoteSpan: cooperatingNote.span }),
      reportTo,
      deadline,
      ...(choice.original === undefined ? {} : { originalDeadline: choice.original }),
      otherDeadlines: choice.others,
      extensions: extensions.map((e) => e.extension),
      reminders: remindersIn(ctx, range),
    });
  });
};

/** What a clause hands down: its own statements over what it inherited. */
const handDown = (ctx: ParseContext, assignment: Assignment, inherited: Inherited, range: Range): Inherited => {
  const matches = deadlinesIn(ctx, range.start, range.end);
  const choice = chooseDeadline(ctx, range, matches, []);
  const cooperates = assignment.cooperating.length > 0 || assignment.cooperatingNote !== null;
  return {
    leads: assignment.leads.length > 0 ? assignment.leads : inherited.leads,
    cooperating: cooperates ? assignment.cooperating : inherited.cooperating,
    cooperatingNote: cooperates ? assignment.cooperatingNote : inherited.cooperatingNote,
    reportTo: assignment.reportTo ?? inherited.reportTo,
    deadline: choice.deadline ?? inherited.deadline,
  };
};

// Sections that report or assess rather than assign ("I. ĐÁNH GIÁ CHUNG", "I. KẾT QUẢ ĐẠT ĐƯỢC").
const NOT_ASSIGNING = /^(?:ĐÁNH GIÁ|TÌNH HÌNH|KẾT QUẢ|BỐI CẢNH|THÀNH PHẦN|NỘI DUNG CUỘC HỌP|Ý KIẾN)/iu;

const visit = (walk: Walk, node: ClauseNode, clause: string, inherited: Inherited, section: string | null, assigning: boolean): void => {
  const { ctx } = walk;
  const first = node.paragraphs[0];
  if (first === undefined) return;
  if (node.kind === 'heading') {
    const title = ctx.src.text.slice(first.content.start, first.content.end);
    const sectionAssigns = !NOT_ASSIGNING.test(title);
    visitChildren(walk, node, null, NOTHING, node.marker, sectionAssigns);
    return;
  }
  if (!assigning) {
    visitChildren(walk, node, clause, NOTHING, section, false);
    return;
  }
  const { own, further } = splitParagraphs(ctx, node);
  const last = own.at(-1) ?? first;
  const range = { start: first.content.start, end: last.content.end };
  const taskRange = { start: first.range.start, end: last.range.end };
  const assignment = assignmentIn(ctx, range);
  const ownText = ctx.src.text.slice(range.start, range.end);
  const isHeader = node.children.length > 0 && HEADER_END.test(ownText);
  if (!isHeader) emit(walk, clause, section, taskRange, range, assignment, inherited);
  const handed = handDown(ctx, assignment, inherited, range);
  further.forEach((paragraph, index) => {
    const furtherClause = `${clause}.${Math.max(node.children.length, 1) + index + 1}`;
    // A further task stands beside its clause: it inherits what the clause inherited, not what the clause says.
    emit(walk, furtherClause, section, paragraph.range, paragraph.content, assignmentIn(ctx, paragraph.content), inherited);
  });
  visitChildren(walk, node, clause, handed, section, true);
};

const visitChildren = (
  walk: Walk,
  node: ClauseNode | null,
  clause: string | null,
  inherited: Inherited,
  section: string | null,
  assigning: boolean,
  children: readonly ClauseNode[] = node?.children ?? [],
): void => {
  let bullet = 0;
  for (const child of children) {
    const local = child.kind === 'dash' || child.kind === 'plus' ? String((bullet += 1)) : child.marker;
    const id = child.kind === 'subnumber' || child.kind === 'number' || child.kind === 'heading' || clause === null ? local : `${clause}.${local}`;
    visit(walk, child, id, inherited, section, assigning);
  }
};

/**
 * The tasks of a clause tree. Clause numbers are unique: when a notice numbers its clauses afresh
 * under each Roman heading, every number gets its heading's prefix ("II.1.a").
 */
export const tasksOf = (ctx: ParseContext, roots: readonly ClauseNode[]): readonly ParsedTask[] => {
  const walk: Walk = { ctx, drafts: [] };
  visitChildren(walk, null, null, NOTHING, null, true, roots);
  const clauses = walk.drafts.map((draft) => draft.clause);
  const repeated = new Set(clauses).size !== clauses.length;
  return walk.drafts.map(({ section, clause, ...task }) => ({
    ...task,
    clause: repeated && section !== null ? `${section}.${clause}` : clause,
  }));
};
