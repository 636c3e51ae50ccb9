import { dateDeadline, eventDeadline, periodDeadline, type Deadline, type RegisterDirective } from '@chidao/domain';

/*
 * The notice of conclusions of 27/02/2026 (phiên họp thứ 6), transcribed by hand from
 * shared/corpus/khanh-hoa-tb-ubnd-2026-02-27-phien-6.txt until the notice parser reads it. Agencies
 * are written as the notice names them and resolved through the domain catalogue.
 */

export const DIRECTIVE_ID = 'kh-ubnd-tb-2026-02-27-phien-6';
export const NOTICE_DATE = '2026-02-27';

export const registerNotice: RegisterDirective['data'] = {
  directiveId: DIRECTIVE_ID,
  symbol: 'Số: /TB-UBND',
  issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
  meeting: { heldOn: NOTICE_DATE, session: 6, title: 'Cuộc họp với cơ quan thường trực giúp việc của Ban Chỉ đạo tỉnh' },
  presidedBy: { name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' },
  signer: { name: 'Nguyễn Xuân Hải', title: 'Phó Chánh Văn phòng UBND tỉnh' },
  subject:
    'Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà tại cuộc họp với cơ quan thường trực giúp việc của Ban chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa (phiên họp thứ 6)',
  references: [
    { symbol: '246-QĐ/TU', issuedOn: '2026-01-30', issuer: 'Tỉnh ủy Khánh Hòa' },
    { symbol: '100/TB-UBND', issuedOn: '2026-02-13', issuer: 'UBND tỉnh Khánh Hòa' },
  ],
};

/** One clause as the notice assigns it. */
export type NoticeTask = {
  readonly clause: string;
  readonly content: string;
  readonly lead: string;
  readonly cooperating: readonly string[];
  readonly cooperatingNote?: string;
  readonly deadline: Deadline;
  /** "nhắc việc đã giao tại Thông báo số …": a reminder recorded with the task. */
  readonly reminder?: { readonly symbol: string; readonly issuedOn: string };
};

const KHCN = 'Sở Khoa học và Công nghệ';
const related = 'các cơ quan liên quan';

export const noticeTasks: readonly NoticeTask[] = [
  {
    clause: '1.a',
    content: 'Tham mưu trình UBND tỉnh ban hành Chiến lược dữ liệu tỉnh Khánh Hòa đến năm 2030',
    lead: KHCN,
    cooperating: [],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-15', 'by', 'gia hạn lần 2 đến ngày 15/3/2026'),
  },
  {
    clause: '1.b',
    content: 'Xây dựng các Đề án mang tính đột phá đã được giao tại Quyết định số 246-QĐ/TU ngày 30/01/2026 của Tỉnh ủy',
    lead: KHCN,
    cooperating: [],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-06', 'by', 'chậm nhất ngày 06/3/2026'),
    reminder: { symbol: '100/TB-UBND', issuedOn: '2026-02-13' },
  },
  {
    clause: '1.b – gia hạn',
    content: 'Trình Chiến lược Chuyển đổi số giai đoạn 2026-2030 và Khung kiến trúc tổng thể cấp xã',
    lead: 'Sở KHCN',
    cooperating: [],
    deadline: dateDeadline('2026-03-30', 'by', 'đến ngày 30/3/2026 (gia hạn lần 2)'),
  },
  {
    clause: '1.c',
    content: 'Rà soát đánh giá kết quả hợp tác với các doanh nghiệp về chuyển đổi số; đề xuất Kế hoạch hợp tác giai đoạn mới',
    lead: KHCN,
    cooperating: [],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-20', 'before', 'trước ngày 20/3/2026'),
  },
  {
    clause: '1.d',
    content: 'Hoàn thiện hồ sơ dự thảo Nghị quyết của HĐND tỉnh về chính sách thu hút, phát triển nhân lực chất lượng cao',
    lead: KHCN,
    cooperating: [],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-20', 'by', 'chậm nhất ngày 20/3/2026'),
  },
  {
    clause: '1.e',
    content: 'Xây dựng Hạ tầng chung truy xuất nguồn gốc sản phẩm',
    lead: KHCN,
    cooperating: ['Sở Công thương', 'Sở Nông nghiệp và Môi trường'],
    deadline: periodDeadline('month', 2026, 4, 'trong tháng 4/2026'),
  },
  {
    clause: '1.g',
    content: 'Đẩy nhanh tích hợp thông tin vào hệ thống IOC; đưa hệ thống IOC tại Trụ sở UBND tỉnh hoạt động',
    lead: KHCN,
    cooperating: ['Ban quản lý dự án phát triển'],
    deadline: dateDeadline('2026-03-15', 'before', 'trước ngày 15/3/2026'),
  },
  {
    clause: '1.h',
    content: 'Tham mưu ban hành Kế hoạch các hoạt động chào mừng Ngày Khoa học và Công nghệ Việt Nam (18/5/2026)',
    lead: KHCN,
    cooperating: [],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-06', 'before', 'trước ngày 06/3/2026'),
  },
  {
    clause: '2',
    content: 'Hoàn thiện Đề án thành lập Quỹ phát triển khoa học và công nghệ, Quỹ Đầu tư mạo hiểm',
    lead: 'Sở Tài chính',
    cooperating: [KHCN],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-25', 'before', 'trước ngày 25/3/2026'),
  },
  {
    clause: '3 – gạch đầu dòng 1',
    content: 'Nghiên cứu đề xuất triển khai Dự án xây dựng Bản đồ dữ liệu kinh tế và đô thị biển',
    lead: 'Sở Nông nghiệp và Môi trường',
    cooperating: ['Sở Xây dựng', KHCN],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-20', 'before', 'trước ngày 20/3/2026'),
  },
  {
    clause: '3 – gạch đầu dòng 2',
    content: 'Đề xuất sơ bộ vị trí quy hoạch khu công nghiệp công nghệ số tập trung, công viên khoa học',
    lead: 'Sở Nông nghiệp và Môi trường',
    cooperating: ['Sở Xây dựng', KHCN],
    cooperatingNote: related,
    deadline: dateDeadline('2026-03-13', 'before', 'trước ngày 13/3/2026'),
  },
  {
    clause: '4',
    content: 'Nghiên cứu, đề xuất đầu tư hệ thống camera tầm cao khu vực trung tâm Nha Trang kết nối vào Hệ thống IOC',
    lead: 'Công an tỉnh',
    cooperating: [],
    deadline: eventDeadline(
      { kind: 'meeting', description: 'cuộc họp Tổ giúp việc phiên họp thứ 7', body: 'Tổ giúp việc', session: 7 },
      'báo cáo tại cuộc họp Tổ giúp việc phiên họp thứ 7',
    ),
  },
];
