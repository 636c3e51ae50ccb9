import { directiveDecider, type DirectiveEvent, type DirectiveRecord, type DirectiveState } from '@chidao/domain';
import type { StoredEvent } from '@chidao/event-store';
import { writeTables, type Projection } from './projection';
import { rowBuffer, selectRows, type Row } from './table';
import { DIRECTIVES } from './tables';

/*
 * The `directives` projection: the directive register. The domain's own `evolve` folds each event
 * into the directive record, which the row keeps whole in `record` beside its columns.
 */

type StoredDirectiveEvent = StoredEvent & DirectiveEvent;

const isDirectiveEvent = (event: StoredEvent): event is StoredDirectiveEvent => event.type.startsWith('Directive');

/** The row of a directive record after an event. */
export const directiveRow = (directive: DirectiveRecord, event: StoredDirectiveEvent): Row => ({
  directive_id: directive.directiveId,
  symbol: directive.symbol,
  kind: directive.kind,
  issuer_name: directive.issuer.name,
  issuer_agency_id: directive.issuer.agencyId ?? null,
  issued_on: directive.issuedOn ?? null,
  signer_name: directive.signer?.name ?? null,
  signer_title: directive.signer?.title ?? null,
  presided_by_name: directive.presidedBy?.name ?? null,
  presided_by_title: directive.presidedBy?.title ?? null,
  meeting_held_on: directive.meeting?.heldOn ?? null,
  meeting_session: directive.meeting?.session ?? null,
  subject: directive.subject,
  natural_key: directive.naturalKey,
  registered_on: directive.registeredOn,
  amendment_count: directive.amendments,
  correction_count: directive.corrections,
  last_changed_on: event.metadata.occurredOn,
  record: directive,
  revision: event.revision,
  last_recorded_at: event.metadata.recordedAt,
});

/** The pure rule: a directive's state and one of its events in, the new state and its row out. */
export const projectDirectiveEvent = (state: DirectiveState, event: StoredDirectiveEvent): { state: DirectiveState; row: Row | undefined } => {
  const next = directiveDecider.evolve(state, event);
  return { state: next, row: next.status === 'registered' ? directiveRow(next.directive, event) : undefined };
};

/** The `directives` projection. */
export const directivesProjection: Projection = {
  name: 'directives',
  description: 'directive register',
  tables: [DIRECTIVES],
  apply: async (tx, schema, events) => {
    const directiveEvents = events.filter(isDirectiveEvent);
    if (directiveEvents.length === 0) return;
    const ids = [...new Set(directiveEvents.map((event) => event.data.directiveId))];
    const state = new Map<string, DirectiveState>();
    for (const row of await selectRows(tx, schema, DIRECTIVES, 'directive_id = ANY($1::text[])', [ids])) {
      state.set(row['directive_id'] as string, { status: 'registered', directive: row['record'] as DirectiveRecord });
    }
    const rows = rowBuffer(DIRECTIVES);
    for (const event of directiveEvents) {
      const id = event.data.directiveId;
      const { state: next, row } = projectDirectiveEvent(state.get(id) ?? directiveDecider.initialState(), event);
      state.set(id, next);
      if (row !== undefined) rows.put(row);
    }
    await writeTables(tx, schema, [{ table: DIRECTIVES, mode: 'upsert', rows: rows.values() }]);
  },
  bulk: () => {
    const state = new Map<string, DirectiveState>();
    const rows = rowBuffer(DIRECTIVES);
    return {
      apply: (events) => {
        for (const event of events) {
          if (!isDirectiveEvent(event)) continue;
          const id = event.data.directiveId;
          const { state: next, row } = projectDirectiveEvent(state.get(id) ?? directiveDecider.initialState(), event);
          state.set(id, next);
          if (row !== undefined) rows.put(row);
        }
        return [];
      },
      finish: () => [{ table: DIRECTIVES, mode: 'insert', rows: rows.values() }],
      corrections: () => [],
    };
  },
};
