import { linesOf, sourceTextOf } from './source-text';
import { clauseTree, markerOf, paragraphsOf, type ClauseNode } from './structure';

describe('markerOf', () => {
  it.each([
    ['II. NHIỆM VỤ TRỌNG TÂM', 'heading', 'II'],
    ['1. Giao Sở Tài chính:', 'number', '1'],
    ['2) Sở Xây dựng', 'number', '2'],
    ['3.1. Sở Nội vụ', 'subnumber', '3.1'],
    ['a) Tham mưu', 'letter', 'a'],
    ['đ) Thường xuyên', 'letter', 'đ'],
    ['- Nghiên cứu', 'dash', '-'],
    ['– Đề xuất', 'dash', '–'],
    ['+ Báo cáo', 'plus', '+'],
    ['   b) indented', 'letter', 'b'],
  ])('reads "%s" as a %s marker', (line, kind, marker) => {
    expect(markerOf(line)).toMatchObject({ kind, marker });
  });

  it.each(['f) not Vietnamese', 'Ngày 27/02/2026, Phó Chủ tịch', 'KHCN khẩn trương', 'ABC. not roman', '2026. năm'])('reads no marker in "%s"', (line) => {
    expect(markerOf(line)).toBeUndefined();
  });
});

const treeOf = (text: string) => {
  const src = sourceTextOf(text);
  const body = paragraphsOf(src, linesOf(src), 0, linesOf(src).length);
  const show = (node: ClauseNode): unknown => ({
    marker: node.marker,
    text: node.paragraphs.map((p) => src.text.slice(p.content.start, p.content.end)),
    ...(node.children.length === 0 ? {} : { children: node.children.map(show) }),
  });
  return { tree: clauseTree(src, body.paragraphs).map(show), endLine: body.endLine };
};

describe('paragraphsOf and clauseTree', () => {
  it('nests numbers, letters, dashes and pluses', () => {
    expect(treeOf('1. Giao Sở X:\na) Một;\nb) Hai:\n- Ba\n+ Bốn\n2. Năm').tree).toEqual([
      {
        marker: '1',
        text: ['Giao Sở X:'],
        children: [
          { marker: 'a', text: ['Một;'] },
          { marker: 'b', text: ['Hai:'], children: [{ marker: '-', text: ['Ba'], children: [{ marker: '+', text: ['Bốn'] }] }] },
        ],
      },
      { marker: '2', text: ['Năm'] },
    ]);
  });

  it('mends a line broken by a page and keeps a paragraph that continues a clause', () => {
    expect(treeOf('b) Xây dựng Đề án.\n\nGia hạn thời gian. Yêu cầu Sở\n\nKHCN khẩn trương thực hiện.\n\nc) Rà soát.').tree).toEqual([
      { marker: 'b', text: ['Xây dựng Đề án.', 'Gia hạn thời gian. Yêu cầu Sở\n\nKHCN khẩn trương thực hiện.'] },
      { marker: 'c', text: ['Rà soát.'] },
    ]);
  });

  it('never mends a heading with the line after it', () => {
    expect(treeOf('II. NHIỆM VỤ\nĐể hoàn thành:\n1. Sở X rà soát.').tree).toEqual([
      { marker: 'II', text: ['NHIỆM VỤ', 'Để hoàn thành:'], children: [{ marker: '1', text: ['Sở X rà soát.'] }] },
    ]);
  });

  it('stops at the closing formula and at "Nơi nhận"', () => {
    expect(treeOf('1. Sở X rà soát.\nThông báo ý kiến của Chủ tịch để biết, thực hiện./.\n- Không phải nhiệm vụ').endLine).toBe(1);
    expect(treeOf('1. Sở X rà soát.\n\nNơi nhận:\n- Lưu: VT.').endLine).toBe(2);
    expect(treeOf('1. Sở X rà soát.\n2\n2. Sở Y.').tree).toHaveLength(2);
  });
});
