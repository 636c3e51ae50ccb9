import * as api from '../src';

describe('the public API of @chidao/notice-parser', () => {
  it('exports the parser and the two import functions, and nothing internal', () => {
    expect(Object.keys(api).sort()).toEqual(['directiveIdOf', 'isNoticeNotImportable', 'parseNotice', 'toImportCommands', 'toImportJson']);
  });
});
