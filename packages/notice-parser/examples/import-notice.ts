/*
 * Importing a notice with @chidao/notice-parser: parse the text, show a reviewer what was read and
 * why (the span of each field), then build the domain commands and run them through the deciders.
 * Pure: the "store" is an array, the dates come from the notice.
 */
import { directiveDecider, fold, taskDecider, type Actor, type TaskEvent } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { parseNotice, toImportCommands, toImportJson } from '@chidao/notice-parser';

const NOTICE = `ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA
Số: 125/TB-UBND
Khánh Hòa, ngày 16/3/2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về chuyển đổi số

Ngày 12/3/2026, Chủ tịch UBND tỉnh Lê Minh Tuấn chủ trì buổi làm việc. Chủ tịch UBND tỉnh kết luận như sau:

1. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát vốn; báo cáo UBND tỉnh **chậm nhất ngày 31/3/2026**.
2. Các cơ quan, đơn vị cập nhật dữ liệu; thực hiện thường xuyên.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Phạm Thị Lan`;

/** Runs the example and returns the lines it prints. */
export const runImportExample = (): readonly string[] => {
  const lines: string[] = [];
  const parsed = parseNotice(NOTICE);

  // Every field carries the span it was read from: a reviewer sees the words behind each value.
  const [first] = parsed.tasks;
  if (first !== undefined) {
    const { start, end } = first.deadline.span;
    lines.push(`${first.clause}: ${first.lead?.agency?.name ?? '?'} — "${NOTICE.slice(start, end)}" → ${JSON.stringify(toImportJson(parsed).tasks[0]?.deadline.due)}`);
  }
  for (const warning of parsed.warnings) lines.push(`⚠ ${warning.code}: ${warning.message}`);

  const secretariat: Actor = { userId: 'vp-ubnd.van-thu', role: 'secretariat' };
  const imported = toImportCommands(parsed, { actor: secretariat });
  if (E.isLeft(imported)) return [...lines, `cannot import: ${imported.left.problems.map((p) => p.message).join('; ')}`];
  const { directiveId, registerDirective, tasks, skipped } = imported.right;
  lines.push(`directive ${directiveId}`);

  // The application loads the directive's state before assigning: here it is folded from its events.
  const registered = directiveDecider.decide(registerDirective, directiveDecider.initialState());
  const directive = fold(directiveDecider, E.getOrElseW(() => [])(registered));
  for (const task of tasks) {
    const events: TaskEvent[] = [];
    for (const command of [{ ...task.assign, directive }, ...task.extensions, ...task.reminders]) {
      const decided = taskDecider.decide(command, fold(taskDecider, events));
      if (E.isRight(decided)) events.push(...decided.right);
    }
    lines.push(`${task.taskId}: ${events.map((event) => event.type).join(', ')}`);
  }
  for (const task of skipped) lines.push(`skipped ${task.clause}: ${task.reason}`);
  return lines;
};

if (require.main === module) {
  for (const line of runImportExample()) console.log(line);
}
