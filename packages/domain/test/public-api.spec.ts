import * as domain from '../src';

describe('the public API of @chidao/domain', () => {
  it('exports the deciders, schemas and functions a developer embeds', () => {
    const expected = [
      'taskDecider',
      'directiveDecider',
      'statusOf',
      'taskStatusOn',
      'taskAt',
      'directiveAt',
      'resolveAgency',
      'parseDocumentSymbol',
      'dueDateOf',
      'occurrencesOf',
      'domainUpcasters',
      'explainError',
      'TaskCommandSchema',
      'DirectiveCommandSchema',
      'DomainEventSchema',
      'RecordedDomainEventSchema',
    ];
    for (const name of expected) expect(domain).toHaveProperty(name);
  });

  it('has a schema version for every event type it can parse', () => {
    const types = domain.DomainEventSchema.options.map((option) => option.shape.type.value);
    expect([...types].sort()).toEqual([...domain.DOMAIN_EVENT_TYPES].sort());
    expect(types.filter((type) => domain.isTaskEvent({ type } as domain.DomainEvent))).toHaveLength(15);
  });
});
