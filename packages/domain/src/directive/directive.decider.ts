import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { documentSymbolKey, formatDocumentSymbol, parseDocumentSymbol } from '../document-symbol';
import type { DomainError } from '../errors';
import { assertNever, ignoreUnknown, type Decider } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { requireRole, SECRETARIAT_ROLES } from '../shared/permissions';
import type { AmendDirective, CorrectDirectiveRecord, DirectiveCommand, RegisterDirective } from './directive.commands';
import type { DirectiveChanges, DirectiveEvent, DirectiveFields } from './directive.events';

/** A registered directive's current facts, with its natural key and how many times it was changed. */
export type DirectiveRecord = DirectiveFields & {
  readonly directiveId: string;
  readonly naturalKey: string;
  readonly registeredOn: LocalDate;
  readonly amendments: number;
  readonly corrections: number;
};

/** The state of a directive: before registration, or registered. */
export type DirectiveState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly directive: DirectiveRecord };

/** The state before the first event. */
export const initialDirectiveState = (): DirectiveState => ({ status: 'unregistered' });

const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The natural key of a directive: symbol + issuing body + year (DESIGN.md). Registering a directive
 * whose key is already known is a no-op. A draft without a number (`/TB-UBND`) is keyed by its issue
 * or meeting date instead, so two registrations of one draft are one directive.
 */
export const directiveNaturalKey = (
  fields: Pick<DirectiveFields, 'symbol' | 'issuer' | 'issuedOn' | 'meeting'>,
): E.Either<DomainError, string> =>
  pipe(
    parseDocumentSymbol(fields.symbol),
    E.mapLeft((error): DomainError => ({ _tag: 'InvalidDocumentSymbol', symbol: fields.symbol, reason: error.reason })),
    E.map((symbol) => {
      const issuer = fields.issuer.agencyId ?? foldText(fields.issuer.name);
      const dated = fields.issuedOn ?? fields.meeting?.heldOn;
      if (symbol.number === null) return `draft|${documentSymbolKey(symbol)}|${issuer}|${dated ?? 'undated'}`;
      const year = symbol.year ?? (dated === undefined ? 'undated' : Number(dated.slice(0, 4)));
      return `${documentSymbolKey(symbol)}|${issuer}|${year}`;
    }),
  );

/** The symbol in canonical form, or the `InvalidDocumentSymbol` error. */
const canonicalSymbol = (text: string): E.Either<DomainError, { normalized: string; kind: string }> =>
  pipe(
    parseDocumentSymbol(text),
    E.bimap(
      (error): DomainError => ({ _tag: 'InvalidDocumentSymbol', symbol: text, reason: error.reason }),
      (symbol) => ({ normalized: formatDocumentSymbol(symbol), kind: symbol.kind }),
    ),
  );

const register = (command: RegisterDirective, state: DirectiveState): E.Either<DomainError, readonly DirectiveEvent[]> =>
  pipe(
    requireRole(command.type, command.metadata.actor, SECRETARIAT_ROLES),
    E.chain(() => canonicalSymbol(command.data.symbol)),
    E.chain((symbol) => {
      const { directiveId, kind, ...fields } = command.data;
      const canonical: DirectiveFields = { ...fields, symbol: symbol.normalized, kind: kind ?? symbol.kind };
      return pipe(
        directiveNaturalKey(canonical),
        E.chain((naturalKey): E.Either<DomainError, readonly DirectiveEvent[]> => {
          if (state.status === 'registered') {
            return state.directive.naturalKey === naturalKey
              ? E.right([])
              : E.left({
                  _tag: 'DirectiveAlreadyRegistered',
                  directiveId: state.directive.directiveId,
                  registeredKey: state.directive.naturalKey,
                  requestedKey: naturalKey,
                });
          }
          return E.right([
            {
              type: 'DirectiveRegistered',
              data: { ...canonical, directiveId, naturalKey, registeredOn: command.metadata.occurredOn },
            },
          ]);
        }),
      );
    }),
  );

/** The changes with a canonical symbol, or `NothingToChange` when they change nothing. */
const effectiveChanges = (
  record: DirectiveRecord,
  changes: DirectiveChanges,
): E.Either<DomainError, DirectiveChanges> => {
  const symbol: E.Either<DomainError, string | undefined> =
    changes.symbol === undefined ? E.right(undefined) : pipe(canonicalSymbol(changes.symbol), E.map((s) => s.normalized));
  return pipe(
    symbol,
    E.chain((normalized) => {
      const canonical: DirectiveChanges = normalized === undefined ? changes : { ...changes, symbol: normalized };
      const changed = (Object.keys(canonical) as (keyof DirectiveChanges)[]).some(
        (key) => JSON.stringify(canonical[key]) !== JSON.stringify(record[key]),
      );
      return changed ? E.right(canonical) : E.left({ _tag: 'NothingToChange', id: record.directiveId });
    }),
  );
};

const change = (
  command: AmendDirective | CorrectDirectiveRecord,
  state: DirectiveState,
): E.Either<DomainError, readonly DirectiveEvent[]> =>
  pipe(
    requireRole(command.type, command.metadata.actor, SECRETARIAT_ROLES),
    E.chain(() =>
      state.status === 'registered' && state.directive.directiveId === command.data.directiveId
        ? E.right(state.directive)
        : E.left<DomainError, DirectiveRecord>({ _tag: 'DirectiveNotFound', directiveId: command.data.directiveId }),
    ),
    E.chain((record) => effectiveChanges(record, command.data.changes)),
    E.map((changes): readonly DirectiveEvent[] => {
      const { directiveId } = command.data;
      const on = command.metadata.occurredOn;
      return command.type === 'AmendDirective'
        ? [{ type: 'DirectiveAmended', data: { directiveId, changes, amendingDocument: command.data.amendingDocument, amendedOn: on } }]
        : [{ type: 'DirectiveRecordCorrected', data: { directiveId, changes, reason: command.data.reason, correctedOn: on } }];
    }),
  );

/** Decides a directive command against the directive's state. */
export const decideDirective = (
  command: DirectiveCommand,
  state: DirectiveState,
): E.Either<DomainError, readonly DirectiveEvent[]> => {
  switch (command.type) {
    case 'RegisterDirective':
      return register(command, state);
    case 'AmendDirective':
    case 'CorrectDirectiveRecord':
      return change(command, state);
    default:
      return assertNever(command);
  }
};

/** Applies changes and recomputes the natural key, which any of symbol, issuer or dates may move. */
const applyChanges = (record: DirectiveRecord, changes: DirectiveChanges): DirectiveRecord => {
  const next = { ...record, ...changes } as DirectiveRecord;
  return { ...next, naturalKey: rekey(next) };
};

const rekey = (record: DirectiveRecord): string =>
  pipe(
    directiveNaturalKey(record),
    E.getOrElse(() => record.naturalKey),
  );

/** Folds one directive event into the state; total, never throws. */
export const evolveDirective = (state: DirectiveState, event: DirectiveEvent): DirectiveState => {
  switch (event.type) {
    case 'DirectiveRegistered': {
      const { directiveId, naturalKey, registeredOn, ...fields } = event.data;
      return {
        status: 'registered',
        directive: { ...fields, directiveId, naturalKey, registeredOn, amendments: 0, corrections: 0 },
      };
    }
    case 'DirectiveAmended':
      return state.status === 'registered'
        ? { status: 'registered', directive: { ...applyChanges(state.directive, event.data.changes), amendments: state.directive.amendments + 1 } }
        : state;
    case 'DirectiveRecordCorrected':
      return state.status === 'registered'
        ? { status: 'registered', directive: { ...applyChanges(state.directive, event.data.changes), corrections: state.directive.corrections + 1 } }
        : state;
    default:
      return ignoreUnknown(event, state);
  }
};

/** The directive decider: `decide`, `evolve`, `initialState`. */
export const directiveDecider: Decider<DirectiveCommand, DirectiveState, DirectiveEvent, DomainError> = {
  decide: decideDirective,
  evolve: evolveDirective,
  initialState: initialDirectiveState,
};
