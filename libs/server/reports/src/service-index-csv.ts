import { serviceIndexGroups, type Language, type ServiceIndexReport } from '@portal/contracts';
import { stringify } from 'csv-stringify/sync';

const GROUP_NAMES: Record<(typeof serviceIndexGroups)[number]['key'], Record<Language, string>> = {
  transparency: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  progress: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results' },
  onlineServices: { vi: 'Dịch vụ công trực tuyến', en: 'Online services' },
  onlinePayment: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  digitisation: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
};

const TEXT = {
  vi: {
    from: 'Từ ngày',
    to: 'Đến ngày',
    rank: 'Xếp hạng',
    unitCode: 'Mã đơn vị',
    unitName: 'Đơn vị',
    provinceCode: 'Mã tỉnh',
    numerator: 'tử số',
    denominator: 'mẫu số',
    value: 'giá trị',
    limit: 'thời hạn trung bình',
    score: 'điểm',
    max: 'tối đa',
    total: 'Tổng điểm',
    measuredMax: 'Tối đa các chỉ số đo được',
    scaled: 'Điểm quy về thang 100',
    band: 'Xếp loại',
  },
  en: {
    from: 'From',
    to: 'To',
    rank: 'Rank',
    unitCode: 'Unit code',
    unitName: 'Unit',
    provinceCode: 'Province code',
    numerator: 'numerator',
    denominator: 'denominator',
    value: 'value',
    limit: 'average time limit',
    score: 'score',
    max: 'maximum',
    total: 'Total score',
    measuredMax: 'Maximum of the indicators measured',
    scaled: 'Score out of 100',
    band: 'Band',
  },
} as const;

const BANDS = {
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
} as const;

/**
 * The index as CSV, UTF-8 with a BOM (so that spreadsheet programs read Vietnamese): a row per ward, with
 * the period, each indicator's numerator, denominator, value (a fraction; 2.2 in working days), score and
 * maximum, each group's score and maximum, the total and the band. An empty cell: not measured.
 */
export function serviceIndexCsv(report: ServiceIndexReport, language: Language): string {
  const t = TEXT[language];
  const indicatorColumns = report.definitions.flatMap((d) => [
    `${d.code} ${t.numerator}`,
    `${d.code} ${t.denominator}`,
    `${d.code} ${t.value}`,
    ...(d.code === '2.2' ? [`${d.code} ${t.limit}`] : []),
    `${d.code} ${t.score}`,
    `${d.code} ${t.max}`,
  ]);
  const groupColumns = serviceIndexGroups.flatMap((g) => [
    `${GROUP_NAMES[g.key][language]} (${t.score})`,
    `${GROUP_NAMES[g.key][language]} (${t.max})`,
  ]);
  const header = [
    t.from,
    t.to,
    t.rank,
    t.unitCode,
    t.unitName,
    t.provinceCode,
    ...indicatorColumns,
    ...groupColumns,
    t.total,
    t.measuredMax,
    t.scaled,
    t.band,
  ];
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? '' : value);
  const rows = report.wards.map((w) => [
    report.period.from,
    report.period.to,
    w.rank,
    w.unitCode,
    w.unitName[language],
    w.provinceCode ?? '',
    ...w.indicators.flatMap((i) => [
      i.numerator,
      i.denominator,
      cell(i.value),
      ...(i.code === '2.2' ? [cell(i.limit)] : []),
      cell(i.score),
      i.max,
    ]),
    ...w.groups.flatMap((g) => [g.score, g.max]),
    w.total,
    w.measuredMax,
    cell(w.scaled),
    w.band ? BANDS[w.band][language] : '',
  ]);
  return stringify([header, ...rows], { bom: true });
}

export function serviceIndexFileName(report: ServiceIndexReport): string {
  return `chi-so-phuc-vu_${report.period.from}_${report.period.to}.csv`;
}
