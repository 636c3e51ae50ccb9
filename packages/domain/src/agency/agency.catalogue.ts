import type { Agency, AgencyCatalogue } from './agency.schema';

/**
 * The agencies chidao knows out of the box: Khánh Hòa's provincial bodies (party, state, front), the
 * central bodies its notices cite, and the enterprises that sit in its meetings. Every body named in
 * the corpus notices (03-TB/BCĐ of 04/4/2025 and the UBND notice of the 6th session, 27/02/2026) is here.
 *
 * Spelling rules the resolver relies on (so entries list only what it cannot derive):
 * - case, diacritics, "&", "-", "–", ".", ",", and the word "và" inside abbreviations are ignored, so
 *   "Sở KH&CN" also covers "Sở KH-CN", "Sở KHCN" and "Sở KH và CN";
 * - a trailing "tỉnh Khánh Hòa", "Khánh Hòa" or "tỉnh" is dropped when the full text matches nothing,
 *   so each body lists its bare form ("Sở Nội vụ") and the qualified ones follow.
 *
 * Not here yet, on purpose: Ninh Thuận's bodies, which merged into Khánh Hòa's on 2025-07-01 (the
 * Khánh Hòa bodies kept their names and are treated as continuing, so their ids carry across that date);
 * commune-level bodies ("UBND cấp xã" is a class, not one agency); bodies a notice only proposes
 * (Quỹ phát triển khoa học và công nghệ tỉnh, Hội đồng khoa học các cơ quan đảng tỉnh) — a catalogue
 * entry would let a proposal resolve as if the body existed.
 */

/**
 * Last day of the bodies dissolved by 2025's reorganisation in Khánh Hòa, and first day of the merged
 * ones. An approximation: the provincial decisions took effect around 1 March 2025 (the party boards
 * were merged some days earlier, in February); replace with each decision's own date when recorded.
 * Bodies that merely absorbed another (Sở KH&CN took in Sở TT&TT) keep their id and have no dates.
 */
const LAST_DAY_BEFORE_2025_REORGANISATION = '2025-02-28';
const FIRST_DAY_AFTER_2025_REORGANISATION = '2025-03-01';

const ended = {
  validTo: LAST_DAY_BEFORE_2025_REORGANISATION,
} as const;
const started = {
  validFrom: FIRST_DAY_AFTER_2025_REORGANISATION,
} as const;

const provincialState = { level: 'province', sector: 'state' } as const;
const provincialParty = { level: 'province', sector: 'party' } as const;
const centralParty = { level: 'central', sector: 'party' } as const;
const centralState = { level: 'central', sector: 'state' } as const;

/** Khánh Hòa's people's council, people's committee and the bodies under the committee. */
const KHANH_HOA_STATE: readonly Agency[] = [
  {
    id: 'khanh-hoa.hdnd',
    name: 'Hội đồng nhân dân tỉnh Khánh Hòa',
    shortNames: ['HĐND tỉnh'],
    aliases: ['Hội đồng nhân dân tỉnh'],
    ...provincialState,
    kind: 'people-council',
  },
  {
    id: 'khanh-hoa.ubnd',
    name: 'Ủy ban nhân dân tỉnh Khánh Hòa',
    shortNames: ['UBND tỉnh'],
    aliases: ['Ủy ban nhân dân tỉnh'],
    ...provincialState,
    kind: 'people-committee',
  },
  {
    id: 'khanh-hoa.van-phong-ubnd',
    name: 'Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa',
    shortNames: ['Văn phòng UBND tỉnh', 'VPUB'],
    aliases: ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND', 'VP UBND tỉnh', 'VPUBND'],
    ...provincialState,
    kind: 'office',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    id: 'khanh-hoa.cong-an',
    name: 'Công an tỉnh Khánh Hòa',
    shortNames: ['Công an tỉnh'],
    aliases: [],
    ...provincialState,
    kind: 'police',
  },
  {
    id: 'khanh-hoa.so-khcn',
    name: 'Sở Khoa học và Công nghệ tỉnh Khánh Hòa',
    shortNames: ['Sở KH&CN'],
    // "SKHCN" cannot be derived: the "S" of "Sở" is glued to the abbreviation.
    aliases: ['Sở Khoa học và Công nghệ', 'SKHCN'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    id: 'khanh-hoa.so-tttt',
    name: 'Sở Thông tin và Truyền thông tỉnh Khánh Hòa',
    shortNames: ['Sở TT&TT'],
    aliases: ['Sở Thông tin và Truyền thông', 'STTTT'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...ended,
    successorId: 'khanh-hoa.so-khcn',
  },
  {
    id: 'khanh-hoa.so-noi-vu',
    name: 'Sở Nội vụ tỉnh Khánh Hòa',
    shortNames: ['Sở Nội vụ'],
    aliases: ['Sở NV', 'SNV'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    // Its social-protection and vocational-training duties went to Sở Y tế and Sở GD&ĐT, but Sở Nội vụ
    // took the department itself (labour, wages, veterans): an open task follows it there.
    id: 'khanh-hoa.so-ldtbxh',
    name: 'Sở Lao động – Thương binh và Xã hội tỉnh Khánh Hòa',
    shortNames: ['Sở LĐ-TB&XH'],
    aliases: ['Sở Lao động – Thương binh và Xã hội', 'SLĐTBXH'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...ended,
    successorId: 'khanh-hoa.so-noi-vu',
  },
  {
    id: 'khanh-hoa.so-tai-chinh',
    name: 'Sở Tài chính tỉnh Khánh Hòa',
    shortNames: ['Sở Tài chính'],
    aliases: ['Sở TC', 'STC'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    id: 'khanh-hoa.so-khdt',
    name: 'Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa',
    shortNames: ['Sở KH&ĐT'],
    aliases: ['Sở Kế hoạch và Đầu tư', 'SKHĐT'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...ended,
    successorId: 'khanh-hoa.so-tai-chinh',
  },
  {
    id: 'khanh-hoa.so-nnmt',
    name: 'Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa',
    shortNames: ['Sở NN&MT'],
    aliases: ['Sở Nông nghiệp và Môi trường', 'SNNMT'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...started,
  },
  {
    id: 'khanh-hoa.so-tnmt',
    name: 'Sở Tài nguyên và Môi trường tỉnh Khánh Hòa',
    shortNames: ['Sở TN&MT'],
    aliases: ['Sở Tài nguyên và Môi trường', 'STNMT'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...ended,
    successorId: 'khanh-hoa.so-nnmt',
  },
  {
    id: 'khanh-hoa.so-nnptnt',
    name: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Khánh Hòa',
    shortNames: ['Sở NN&PTNT'],
    aliases: ['Sở Nông nghiệp và Phát triển nông thôn', 'SNNPTNT'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...ended,
    successorId: 'khanh-hoa.so-nnmt',
  },
  {
    id: 'khanh-hoa.so-xay-dung',
    name: 'Sở Xây dựng tỉnh Khánh Hòa',
    shortNames: ['Sở Xây dựng'],
    aliases: ['Sở XD', 'SXD'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    id: 'khanh-hoa.so-gtvt',
    name: 'Sở Giao thông vận tải tỉnh Khánh Hòa',
    shortNames: ['Sở GTVT'],
    aliases: ['Sở Giao thông vận tải', 'SGTVT'],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
    ...ended,
    successorId: 'khanh-hoa.so-xay-dung',
  },
  {
    id: 'khanh-hoa.so-cong-thuong',
    name: 'Sở Công Thương tỉnh Khánh Hòa',
    shortNames: ['Sở Công Thương'],
    aliases: [],
    ...provincialState,
    kind: 'department',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    id: 'khanh-hoa.quy-dau-tu-phat-trien',
    name: 'Quỹ Đầu tư phát triển tỉnh Khánh Hòa',
    shortNames: ['Quỹ Đầu tư phát triển tỉnh'],
    aliases: ['Quỹ Đầu tư phát triển', 'Quỹ ĐTPT tỉnh'],
    ...provincialState,
    kind: 'fund',
    parentId: 'khanh-hoa.ubnd',
  },
  {
    // The notice (1.g) says only "Ban quản lý dự án phát triển"; in Khánh Hòa that is this board.
    id: 'khanh-hoa.ban-qlda-phat-trien',
    name: 'Ban Quản lý dự án Phát triển tỉnh Khánh Hòa',
    shortNames: ['Ban QLDA Phát triển tỉnh'],
    aliases: ['Ban Quản lý dự án Phát triển', 'Ban QLDA Phát triển'],
    ...provincialState,
    kind: 'project-board',
    parentId: 'khanh-hoa.ubnd',
  },
];

/** Khánh Hòa's party committee, its boards and offices, and the steering committee it chairs. */
const KHANH_HOA_PARTY: readonly Agency[] = [
  {
    id: 'khanh-hoa.tinh-uy',
    name: 'Tỉnh ủy Khánh Hòa',
    shortNames: ['Tỉnh ủy'],
    aliases: ['Ban Chấp hành Đảng bộ tỉnh Khánh Hòa', 'Ban Chấp hành Đảng bộ tỉnh', 'BCH Đảng bộ tỉnh'],
    ...provincialParty,
    kind: 'party-committee',
  },
  {
    id: 'khanh-hoa.ban-thuong-vu-tinh-uy',
    name: 'Ban Thường vụ Tỉnh ủy Khánh Hòa',
    shortNames: ['Ban Thường vụ Tỉnh ủy', 'BTV Tỉnh ủy'],
    aliases: [],
    ...provincialParty,
    kind: 'party-committee',
    parentId: 'khanh-hoa.tinh-uy',
  },
  {
    // The secretary and deputy secretaries: a smaller body than the Standing Board above.
    id: 'khanh-hoa.thuong-truc-tinh-uy',
    name: 'Thường trực Tỉnh ủy Khánh Hòa',
    shortNames: ['Thường trực Tỉnh ủy'],
    aliases: [],
    ...provincialParty,
    kind: 'party-committee',
    parentId: 'khanh-hoa.tinh-uy',
  },
  {
    id: 'khanh-hoa.van-phong-tinh-uy',
    name: 'Văn phòng Tỉnh ủy Khánh Hòa',
    shortNames: ['Văn phòng Tỉnh ủy', 'VP Tỉnh ủy'],
    aliases: ['VPTU'],
    ...provincialParty,
    kind: 'office',
    parentId: 'khanh-hoa.tinh-uy',
  },
  {
    id: 'khanh-hoa.ban-to-chuc-tinh-uy',
    name: 'Ban Tổ chức Tỉnh ủy Khánh Hòa',
    shortNames: ['Ban Tổ chức Tỉnh ủy', 'BTC Tỉnh ủy'],
    aliases: [],
    ...provincialParty,
    kind: 'party-board',
    parentId: 'khanh-hoa.tinh-uy',
  },
  {
    id: 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy',
    name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Khánh Hòa',
    shortNames: ['Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Ban TG&DV Tỉnh ủy'],
    aliases: [],
    ...provincialParty,
    kind: 'party-board',
    parentId: 'khanh-hoa.tinh-uy',
    ...started,
  },
  {
    id: 'khanh-hoa.ban-tuyen-giao-tinh-uy',
    name: 'Ban Tuyên giáo Tỉnh ủy Khánh Hòa',
    shortNames: ['Ban Tuyên giáo Tỉnh ủy', 'Ban TG Tỉnh ủy'],
    aliases: [],
    ...provincialParty,
    kind: 'party-board',
    parentId: 'khanh-hoa.tinh-uy',
    ...ended,
    successorId: 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy',
  },
  {
    id: 'khanh-hoa.ban-dan-van-tinh-uy',
    name: 'Ban Dân vận Tỉnh ủy Khánh Hòa',
    shortNames: ['Ban Dân vận Tỉnh ủy', 'Ban DV Tỉnh ủy'],
    aliases: [],
    ...provincialParty,
    kind: 'party-board',
    parentId: 'khanh-hoa.tinh-uy',
    ...ended,
    successorId: 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy',
  },
  {
    // Formed in early 2025 in place of the Ban cán sự đảng UBND tỉnh, on a date not recorded here: an
    // open validFrom never rejects a real notice, a guessed one could.
    id: 'khanh-hoa.dang-uy-ubnd',
    name: 'Đảng ủy Ủy ban nhân dân tỉnh Khánh Hòa',
    shortNames: ['Đảng ủy UBND tỉnh'],
    aliases: ['Đảng ủy Ủy ban nhân dân tỉnh'],
    ...provincialParty,
    kind: 'party-committee',
    parentId: 'khanh-hoa.tinh-uy',
  },
  {
    // Headed by the provincial party secretary and issuing "-TB/BCĐ" notices under Tỉnh ủy's letterhead,
    // hence a party body. The bare "Ban Chỉ đạo" is left out: a province has many steering committees.
    id: 'khanh-hoa.bcd-khcn-dmst-cds',
    name: 'Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa',
    shortNames: ['Ban Chỉ đạo tỉnh', 'BCĐ tỉnh'],
    aliases: [
      'Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh',
      'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh',
      'Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
      'Ban Chỉ đạo về phát triển KH, CN, ĐMST và CĐS tỉnh',
      'Ban Chỉ đạo phát triển KH, CN, ĐMST và CĐS tỉnh',
    ],
    ...provincialParty,
    kind: 'steering-committee',
    parentId: 'khanh-hoa.tinh-uy',
  },
  {
    // Works for the steering committee; its meetings are chaired for the province by a Vice-Chair of
    // UBND tỉnh (news of 20/3/2026 calls it "Tổ giúp việc Nghị quyết số 57").
    id: 'khanh-hoa.to-giup-viec-bcd-khcn-dmst-cds',
    name: 'Tổ giúp việc Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa',
    shortNames: ['Tổ giúp việc'],
    aliases: [
      'Tổ giúp việc Ban Chỉ đạo tỉnh',
      'Tổ giúp việc Nghị quyết số 57',
      'Tổ giúp việc Nghị quyết 57',
      'Tổ giúp việc thực hiện Nghị quyết số 57',
      'Tổ giúp việc thực hiện Nghị quyết 57',
    ],
    ...provincialParty,
    kind: 'working-group',
    parentId: 'khanh-hoa.bcd-khcn-dmst-cds',
  },
];

/** Khánh Hòa's Fatherland Front committee, which party and state notices ask to coordinate. */
const KHANH_HOA_FRONT: readonly Agency[] = [
  {
    id: 'khanh-hoa.ubmttq',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Khánh Hòa',
    shortNames: ['Ủy ban MTTQ Việt Nam tỉnh', 'UBMTTQ Việt Nam tỉnh'],
    aliases: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban MTTQ tỉnh', 'UBMTTQ tỉnh', 'Ủy ban MTTQVN tỉnh'],
    level: 'province',
    sector: 'front',
    kind: 'front-committee',
  },
];

/**
 * Enterprises. A provincial notice's bare brand ("Viettel", "VNPT") means the group's provincial unit —
 * that is who attends the province's meetings and takes its tasks — so the brand is an alias of the
 * branch, and the group itself answers only to its own full name.
 */
const ENTERPRISES: readonly Agency[] = [
  {
    id: 'doanh-nghiep.viettel',
    name: 'Tập đoàn Công nghiệp – Viễn thông Quân đội',
    shortNames: ['Tập đoàn Viettel'],
    aliases: [],
    level: 'central',
    sector: 'enterprise',
    kind: 'enterprise',
  },
  {
    id: 'khanh-hoa.viettel',
    name: 'Viettel Khánh Hòa – Chi nhánh Tập đoàn Công nghiệp – Viễn thông Quân đội',
    shortNames: ['Viettel Khánh Hòa'],
    aliases: ['Viettel', 'Chi nhánh Viettel Khánh Hòa'],
    level: 'province',
    sector: 'enterprise',
    kind: 'enterprise',
    parentId: 'doanh-nghiep.viettel',
  },
  {
    id: 'doanh-nghiep.vnpt',
    name: 'Tập đoàn Bưu chính Viễn thông Việt Nam',
    shortNames: ['Tập đoàn VNPT'],
    aliases: [],
    level: 'central',
    sector: 'enterprise',
    kind: 'enterprise',
  },
  {
    // VNPT's provincial units are named "Viễn thông <tỉnh>".
    id: 'khanh-hoa.vnpt',
    name: 'Viễn thông Khánh Hòa',
    shortNames: ['VNPT Khánh Hòa'],
    aliases: ['VNPT'],
    level: 'province',
    sector: 'enterprise',
    kind: 'enterprise',
    parentId: 'doanh-nghiep.vnpt',
  },
  {
    id: 'doanh-nghiep.mobifone',
    name: 'Tổng công ty Viễn thông MobiFone',
    shortNames: ['Tổng công ty MobiFone'],
    aliases: [],
    level: 'central',
    sector: 'enterprise',
    kind: 'enterprise',
  },
  {
    // The notice names only the brand; the unit's registered name is not recorded here.
    id: 'khanh-hoa.mobifone',
    name: 'MobiFone Khánh Hòa',
    shortNames: ['MobiFone'],
    aliases: [],
    level: 'province',
    sector: 'enterprise',
    kind: 'enterprise',
    parentId: 'doanh-nghiep.mobifone',
  },
  {
    id: 'doanh-nghiep.fpt',
    name: 'Công ty Cổ phần FPT',
    shortNames: ['Tập đoàn FPT'],
    aliases: [],
    level: 'central',
    sector: 'enterprise',
    kind: 'enterprise',
  },
  {
    id: 'khanh-hoa.fpt',
    name: 'FPT Khánh Hòa',
    shortNames: ['FPT'],
    aliases: [],
    level: 'province',
    sector: 'enterprise',
    kind: 'enterprise',
    parentId: 'doanh-nghiep.fpt',
  },
  {
    // "Khánh Hòa" is part of this company's name, not a qualifier; there is no bare alias "Yến sào".
    id: 'khanh-hoa.yen-sao',
    name: 'Công ty TNHH Nhà nước Một thành viên Yến sào Khánh Hòa',
    shortNames: ['Công ty Yến sào Khánh Hòa'],
    aliases: ['Công ty TNHH NN MTV Yến sào Khánh Hòa', 'Công ty TNHH Nhà nước MTV Yến sào Khánh Hòa', 'Yến sào Khánh Hòa'],
    level: 'province',
    sector: 'enterprise',
    kind: 'enterprise',
    parentId: 'khanh-hoa.ubnd',
  },
];

/** Central party and state bodies the notices cite as the source of a policy or as a partner. */
const CENTRAL: readonly Agency[] = [
  {
    id: 'trung-uong.ban-chap-hanh',
    name: 'Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
    shortNames: ['Ban Chấp hành Trung ương Đảng', 'BCH Trung ương Đảng'],
    aliases: ['Ban Chấp hành Trung ương', 'BCH TW', 'Trung ương Đảng'],
    ...centralParty,
    kind: 'party-committee',
  },
  {
    id: 'trung-uong.bo-chinh-tri',
    name: 'Bộ Chính trị',
    shortNames: [],
    aliases: [],
    ...centralParty,
    kind: 'party-committee',
    parentId: 'trung-uong.ban-chap-hanh',
  },
  {
    // Merged from Ban Tuyên giáo TW and Ban Dân vận TW in early 2025; its predecessors are not
    // catalogued, and without a recorded date it has no validFrom (see khanh-hoa.dang-uy-ubnd).
    id: 'trung-uong.ban-tuyen-giao-dan-van',
    name: 'Ban Tuyên giáo và Dân vận Trung ương',
    shortNames: ['Ban TG&DV Trung ương'],
    aliases: ['Ban Tuyên giáo và Dân vận TW'],
    ...centralParty,
    kind: 'party-board',
    parentId: 'trung-uong.ban-chap-hanh',
  },
  {
    // Notice 03-TB/BCĐ writes it two ways in one section.
    id: 'trung-uong.hoi-dong-khoa-hoc-co-quan-dang',
    name: 'Hội đồng Khoa học các cơ quan Đảng Trung ương',
    shortNames: [],
    aliases: ['Hội đồng khoa học các Ban đảng Trung ương'],
    ...centralParty,
    kind: 'council',
    parentId: 'trung-uong.ban-chap-hanh',
  },
  {
    id: 'trung-uong.bcd-khcn-dmst-cds',
    name: 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
    shortNames: ['Ban Chỉ đạo Trung ương về phát triển KH, CN, ĐMST và CĐS'],
    aliases: [],
    ...centralParty,
    kind: 'steering-committee',
    parentId: 'trung-uong.ban-chap-hanh',
  },
  {
    id: 'trung-uong.chinh-phu',
    name: 'Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam',
    shortNames: ['Chính phủ'],
    aliases: [],
    ...centralState,
    kind: 'government',
  },
  {
    id: 'trung-uong.bo-khcn',
    name: 'Bộ Khoa học và Công nghệ',
    shortNames: ['Bộ KH&CN'],
    aliases: [],
    ...centralState,
    kind: 'ministry',
    parentId: 'trung-uong.chinh-phu',
  },
  {
    // Merged into Bộ KH&CN under the Government structure in force from 1 March 2025.
    id: 'trung-uong.bo-tttt',
    name: 'Bộ Thông tin và Truyền thông',
    shortNames: ['Bộ TT&TT'],
    aliases: [],
    ...centralState,
    kind: 'ministry',
    parentId: 'trung-uong.chinh-phu',
    ...ended,
    successorId: 'trung-uong.bo-khcn',
  },
];

/** The default catalogue: Khánh Hòa, the central bodies its notices cite, and the enterprises in its meetings. */
export const AGENCY_CATALOGUE: AgencyCatalogue = {
  homeProvince: 'Khánh Hòa',
  agencies: [...KHANH_HOA_STATE, ...KHANH_HOA_PARTY, ...KHANH_HOA_FRONT, ...ENTERPRISES, ...CENTRAL],
};
