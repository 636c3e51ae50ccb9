import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Principal } from '../auth/principal';
import type { CommandService } from '../commands/command.service';
import { importNotice, recordCommands, type ImportTally } from '../imports/import-notice';

/*
 * The demo data `npm start` loads: the two corpus notices, imported through the notice parser and the
 * command service exactly as `POST /imports` does, and the progress that the news report of the
 * working group's meeting of 20/3/2026 (demo/news-khanh-hoa-2026-03-20-to-giup-viec.txt) gives on
 * those tasks, as hand-written commands dated on that day. Every command id is fixed, so starting
 * again on the same store records nothing twice.
 */

/** The folder with the notices' texts. */
export const DEMO_DIR = path.resolve(__dirname, '../../demo');

/** The notices, in the order they are imported. */
export const DEMO_NOTICES = ['khanh-hoa-03-TB-BCD-2025-04-04.txt', 'khanh-hoa-tb-ubnd-2026-02-27-phien-6.txt'] as const;

/** The clerk of the provincial People's Committee office who enters the notices. */
export const DEMO_CLERK: Principal = { sub: 'demo.van-thu-vpubnd', role: 'secretariat', agencyId: 'khanh-hoa.van-phong-ubnd' };

/** The officer of Sở Khoa học và Công nghệ who reports on its tasks. */
export const DEMO_SKHCN_OFFICER: Principal = { sub: 'demo.can-bo-skhcn', role: 'agency', agencyId: 'khanh-hoa.so-khcn' };

/** The directive id the parser gives the notice of 27/02/2026. */
export const NOTICE_2026_02_27 = 'kh-ubnd-tb-2026-02-27';

const NEWS_DATE = '2026-03-20';
const NEWS = 'Tin Báo Khánh Hòa 20/3/2026: họp Tổ giúp việc thực hiện Nghị quyết số 57';
const task = (clause: string): string => `${NOTICE_2026_02_27}/${clause}`;
const metadata = (commandId: string) => ({ commandId: `demo/news-2026-03-20/${commandId}`, occurredOn: NEWS_DATE, correlationId: 'demo/news-2026-03-20' });

type Step = { readonly label: string; readonly principal: Principal; readonly access: 'secretariat' | 'lead-or-secretariat'; readonly command: unknown };

/** What the news of 20/3/2026 reports on the tasks of the notice of 27/02/2026, as commands. */
export const newsSteps = (): readonly Step[] => {
  const officer = { userId: DEMO_SKHCN_OFFICER.sub, role: 'agency', agencyId: DEMO_SKHCN_OFFICER.agencyId };
  const clerk = { userId: DEMO_CLERK.sub, role: 'secretariat', agencyId: DEMO_CLERK.agencyId };
  const report = (clause: string, summary: string): Step => ({
    label: `ReportTaskProgress ${clause}`,
    principal: DEMO_SKHCN_OFFICER,
    access: 'lead-or-secretariat',
    command: {
      type: 'ReportTaskProgress',
      data: { taskId: task(clause), summary: `${summary} (${NEWS})` },
      metadata: { ...metadata(`${clause}/progress`), actor: officer },
    },
  });
  return [
    // "Sở KH-CN đang triển khai dự thảo Chiến lược dữ liệu tỉnh Khánh Hòa đến năm 2030"
    report('1.a', 'Sở KH-CN đang triển khai dự thảo Chiến lược dữ liệu tỉnh Khánh Hòa đến năm 2030'),
    // "… dự thảo Nghị quyết quy định chính sách thu hút, phát triển nhân lực chất lượng cao …"
    report(
      '1.d',
      'Sở KH-CN đang triển khai dự thảo Nghị quyết quy định chính sách thu hút, phát triển nhân lực chất lượng cao trong lĩnh vực KHCN, đổi mới sáng tạo và chuyển đổi số của tỉnh',
    ),
    // "… kế hoạch tổ chức chuỗi hoạt động chào mừng Ngày KH-CN Việt Nam"
    report('1.h', 'Sở KH-CN đang triển khai kế hoạch tổ chức chuỗi hoạt động chào mừng Ngày KH-CN Việt Nam'),
    // "hoàn thành báo cáo kết quả triển khai thỏa thuận hợp tác chuyển đổi số giữa UBND tỉnh và các tập đoàn viễn thông giai đoạn 2021 - 2025"
    {
      label: 'ReportTaskCompletion 1.c',
      principal: DEMO_SKHCN_OFFICER,
      access: 'lead-or-secretariat',
      command: {
        type: 'ReportTaskCompletion',
        data: {
          taskId: task('1.c'),
          summary: `Sở KH-CN hoàn thành báo cáo kết quả triển khai thỏa thuận hợp tác chuyển đổi số giữa UBND tỉnh và các tập đoàn viễn thông giai đoạn 2021 - 2025 (${NEWS})`,
          product: 'Báo cáo kết quả triển khai thỏa thuận hợp tác chuyển đổi số giai đoạn 2021 - 2025',
        },
        metadata: { ...metadata('1.c/completion'), actor: officer },
      },
    },
    // "Sở Nội vụ … tiếp nhận, chủ trì và phối hợp với Sở KH-CN hoàn thiện dự thảo Nghị quyết …"
    {
      label: 'ReassignTask 1.d',
      principal: DEMO_CLERK,
      access: 'secretariat',
      command: {
        type: 'ReassignTask',
        data: {
          taskId: task('1.d'),
          to: 'khanh-hoa.so-noi-vu',
          reason:
            'Phó Chủ tịch UBND tỉnh giao Sở Nội vụ tiếp nhận, chủ trì và phối hợp với Sở KH-CN hoàn thiện dự thảo Nghị quyết quy định chính sách thu hút, phát triển nhân lực chất lượng cao (cuộc họp Tổ giúp việc ngày 20/3/2026)',
        },
        metadata: { ...metadata('1.d/reassign'), actor: clerk },
      },
    },
    // "Về Trung tâm Giám sát, điều hành thông minh (IOC) … yêu cầu Sở KH-CN tiếp tục hoàn thiện …"
    {
      label: 'IssueTaskReminder 1.g',
      principal: DEMO_CLERK,
      access: 'secretariat',
      command: {
        type: 'IssueTaskReminder',
        data: {
          taskId: task('1.g'),
          note: 'Phó Chủ tịch UBND tỉnh yêu cầu Sở KH-CN tiếp tục hoàn thiện IOC và chuẩn bị tổ chức hội nghị giới thiệu (trực tiếp và trực tuyến) cho các cơ quan, đơn vị, địa phương',
        },
        metadata: { ...metadata('1.g/reminder'), actor: clerk },
      },
    },
  ];
};

/** What loading the demo data did. */
export type DemoReport = { readonly notices: readonly ImportTally[]; readonly news: ImportTally };

/** Loads the demo data through the command service; what was recorded before is left as it is. */
export const loadDemoData = async (commands: CommandService, dir: string = DEMO_DIR): Promise<DemoReport> => {
  const notices: ImportTally[] = [];
  for (const file of DEMO_NOTICES) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const result = await importNotice(commands, DEMO_CLERK, text, { confirm: true });
    if (result.import !== null) notices.push(result.import);
  }
  let news: ImportTally = { directiveId: NOTICE_2026_02_27, recorded: 0, unchanged: 0, refused: [], skipped: [], lastPosition: null };
  for (const step of newsSteps()) {
    const tally = await recordCommands(commands, step.principal, [step], NOTICE_2026_02_27);
    news = {
      ...news,
      recorded: news.recorded + tally.recorded,
      unchanged: news.unchanged + tally.unchanged,
      refused: [...news.refused, ...tally.refused],
      lastPosition: tally.lastPosition ?? news.lastPosition,
    };
  }
  return { notices, news };
};

/** The position of the last event the demo data recorded, if any: wait for it before reading. */
export const lastDemoPosition = (report: DemoReport): string | null =>
  [...report.notices.map((tally) => tally.lastPosition), report.news.lastPosition].filter((position): position is string => position !== null).sort().at(-1) ??
  null;
