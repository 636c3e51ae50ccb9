import { loadNotice, renderDemo, statusTable } from './demo';

describe('the demo: the notice of 27/02/2026 as of 20/03/2026', () => {
  const store = loadNotice();

  it('registers the directive and its twelve tasks as event streams', () => {
    expect(store.size).toBe(13);
    expect([...store.values()].every((events) => events.every((event) => event.metadata.occurredOn === '2026-02-27'))).toBe(true);
  });

  it('prints each task with its status as of 20/03/2026', () => {
    const statuses = Object.fromEntries(statusTable(store, '2026-03-20').map((row) => [row.clause, row.status.code]));
    expect(statuses).toEqual({
      '1.a': 'dang_thuc_hien_qua_han',
      '1.b': 'dang_thuc_hien_qua_han',
      '1.b – gia hạn': 'dang_thuc_hien_trong_han',
      '1.c': 'dang_thuc_hien_trong_han',
      '1.d': 'dang_thuc_hien_trong_han',
      '1.e': 'dang_thuc_hien_trong_han',
      '1.g': 'dang_thuc_hien_qua_han',
      '1.h': 'dang_thuc_hien_qua_han',
      '2': 'dang_thuc_hien_trong_han',
      '3 – gạch đầu dòng 1': 'dang_thuc_hien_trong_han',
      '3 – gạch đầu dòng 2': 'dang_thuc_hien_qua_han',
      '4': 'chua_den_han',
    });
  });

  it('records the reminder of clause 1.b citing Thông báo 100/TB-UBND of 13/02/2026', () => {
    const events = store.get('task-kh-ubnd-tb-2026-02-27-phien-6/1.b') ?? [];
    expect(events.map((event) => event.type)).toEqual(['TaskAssigned', 'TaskReminderIssued']);
  });

  it('renders a Vietnamese table with English alongside and a summary', () => {
    const lines = renderDemo(store, '2026-03-20');
    expect(lines[1]).toBe('Tình trạng 12 nhiệm vụ tính đến ngày 20/03/2026 / status of 12 tasks as of 2026-03-20');
    expect(lines.find((line) => line.startsWith('1.a '))).toMatch(/gia hạn lần 2 đến ngày 15\/3\/2026\s+Đang thực hiện quá hạn\s+quá 5 ngày/);
    expect(lines.find((line) => line.startsWith('1.c '))).toMatch(/sắp đến hạn: hạn cuối hôm nay/);
    expect(lines.at(-1)).toBe('Tổng hợp / Summary: Đang thực hiện quá hạn: 5; Đang thực hiện trong hạn: 6; Chưa đến hạn: 1');
  });

  it('judges the same tasks on another date', () => {
    const statuses = statusTable(store, '2026-05-01').map((row) => row.status.code);
    expect(statuses.filter((code) => code === 'dang_thuc_hien_qua_han')).toHaveLength(11);
  });
});
