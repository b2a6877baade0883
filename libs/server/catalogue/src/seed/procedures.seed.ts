import type { FeeRule, LegalBasis, LocalizedText, RequiredPaper } from '@portal/contracts';

export interface ProcedureSeed {
  code: string;
  name: LocalizedText;
  field: LocalizedText;
  description: LocalizedText;
  handlingAgency: LocalizedText;
  serviceLevel: 'full' | 'partial';
  handlingTier: 'commune' | 'province';
  timeLimit: { amount: number; unit: 'working_days' | 'working_hours'; note?: LocalizedText };
  fees: FeeRule[];
  requiredPapers: RequiredPaper[];
  legalBasis: LegalBasis[];
  formSchemaVersion: number;
  workflow: string;
  sortOrder: number;
}

const civilStatus: LocalizedText = { vi: 'Hộ tịch', en: 'Civil status' };
const communeCommittee: LocalizedText = {
  vi: 'Ủy ban nhân dân cấp xã (phường, xã, đặc khu) nơi cư trú của cha hoặc mẹ',
  en: "People's Committee of the ward, commune or special zone where the father or mother lives",
};

const birthPapers: RequiredPaper[] = [
  {
    code: 'birth_registration_form',
    name: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' },
    mandatory: true,
    providedByForm: true,
  },
  {
    code: 'medical_birth_certificate',
    name: { vi: 'Giấy chứng sinh', en: 'Medical birth certificate' },
    mandatory: true,
    condition: {
      vi: 'Sinh ngoài cơ sở y tế: văn bản xác nhận của người làm chứng, hoặc giấy cam đoan về việc sinh nếu không có người làm chứng.',
      en: 'Born outside a health facility: a witness statement, or a sworn statement of the birth when there is no witness.',
    },
    providedByForm: false,
  },
  {
    code: 'marriage_certificate',
    name: { vi: 'Giấy chứng nhận kết hôn của cha mẹ', en: "Parents' marriage certificate" },
    mandatory: false,
    condition: {
      vi: 'Khi khai cả cha và mẹ của trẻ.',
      en: 'When both the father and the mother are named.',
    },
    providedByForm: false,
  },
  {
    code: 'authorisation',
    name: { vi: 'Văn bản ủy quyền', en: 'Letter of authorisation' },
    mandatory: false,
    condition: {
      vi: 'Khi người đi khai sinh không phải cha, mẹ, ông, bà hoặc người thân thích của trẻ.',
      en: "When the informant is not the child's parent, grandparent or close relative.",
    },
    providedByForm: false,
  },
];

/**
 * What the result page adds (fee cases `extra_copy` and `post_delivery`): each certified copy of the
 * extract beyond the electronic result, 8,000 ₫ (the fee for a copy of a civil-status extract, Circular
 * 281/2016/TT-BTC), and posting the paper result to the citizen (a demonstration figure: the postal
 * service's public-administration delivery rate varies by province and distance).
 */
const resultFees: FeeRule[] = [
  {
    case: 'extra_copy',
    label: { vi: 'Bản sao trích lục cấp thêm (mỗi bản)', en: 'Extra certified copy of the extract (each)' },
    amount: 8000,
  },
  {
    case: 'post_delivery',
    label: {
      vi: 'Gửi kết quả bản giấy qua bưu điện (số liệu minh họa)',
      en: 'Paper result sent by post (demonstration figure)',
    },
    amount: 25000,
  },
];

export const demoProcedures: ProcedureSeed[] = [
  {
    code: '1.001193',
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    field: civilStatus,
    description: {
      vi: 'Đăng ký việc sinh cho trẻ em sinh ra tại Việt Nam. Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh. Kết quả là Giấy khai sinh điện tử có chữ ký số.',
      en: 'Registers the birth of a child born in Viet Nam. Parents must register the birth within 60 days of it. The result is a digitally signed electronic birth certificate.',
    },
    handlingAgency: communeCommittee,
    serviceLevel: 'full',
    handlingTier: 'commune',
    timeLimit: {
      amount: 0,
      unit: 'working_days',
      note: {
        vi: 'Giải quyết ngay trong ngày làm việc; hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo.',
        en: 'Decided the same working day; a dossier received after 15:00 is decided on the next working day.',
      },
    },
    fees: [
      {
        case: 'on_time',
        label: { vi: 'Đăng ký khai sinh đúng hạn (trong 60 ngày)', en: 'Registered on time (within 60 days)' },
        amount: 0,
      },
      {
        case: 'late',
        label: {
          vi: 'Đăng ký khai sinh quá hạn (mức thu theo nghị quyết của Hội đồng nhân dân cấp tỉnh; số liệu minh họa)',
          en: 'Late registration (amount set by the provincial council; demonstration figure)',
        },
        amount: 8000,
      },
      ...resultFees,
    ],
    requiredPapers: birthPapers,
    legalBasis: [
      { reference: '60/2014/QH13', title: { vi: 'Luật Hộ tịch', en: 'Law on Civil Status' } },
      {
        reference: '123/2015/NĐ-CP',
        title: { vi: 'Nghị định quy định chi tiết Luật Hộ tịch', en: 'Decree detailing the Law on Civil Status' },
      },
      {
        reference: '04/2020/TT-BTP',
        title: {
          vi: 'Thông tư hướng dẫn Luật Hộ tịch và Nghị định 123/2015/NĐ-CP',
          en: 'Circular guiding the Law on Civil Status and Decree 123/2015',
        },
      },
    ],
    formSchemaVersion: 1,
    workflow: 'birth-registration',
    sortOrder: 10,
  },
  {
    code: 'LT.KS-TT-BHYT',
    name: {
      vi: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
      en: 'Linked service: birth registration, permanent residence registration and health insurance card for a child under six',
    },
    field: civilStatus,
    description: {
      vi: 'Một hồ sơ cho ba thủ tục: Ủy ban nhân dân cấp xã đăng ký khai sinh, sau đó hồ sơ được chuyển liên thông tới cơ quan công an để đăng ký thường trú và cơ quan bảo hiểm xã hội để cấp thẻ bảo hiểm y tế cho trẻ.',
      en: "One application for three procedures: the ward registers the birth, then the dossier is passed on to the police for the child's permanent residence and to social insurance for the child's health insurance card.",
    },
    handlingAgency: {
      vi: 'Ủy ban nhân dân cấp xã; Công an cấp xã; Bảo hiểm xã hội',
      en: "Ward People's Committee; ward police; Social Insurance",
    },
    serviceLevel: 'full',
    handlingTier: 'commune',
    timeLimit: {
      amount: 3,
      unit: 'working_days',
      note: {
        vi: 'Không quá 3 ngày làm việc; trường hợp phải xác minh không quá 5 ngày làm việc (Nghị định 63/2024/NĐ-CP).',
        en: 'At most 3 working days; at most 5 when facts must be verified (Decree 63/2024/ND-CP).',
      },
    },
    fees: [
      {
        case: 'on_time',
        label: {
          vi: 'Đăng ký khai sinh đúng hạn; đăng ký thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi',
          en: 'On-time birth registration; residence and health insurance card for a child under six',
        },
        amount: 0,
      },
      ...resultFees,
    ],
    requiredPapers: [
      ...birthPapers,
      {
        code: 'residence_change_form',
        name: { vi: 'Tờ khai thay đổi thông tin cư trú', en: 'Residence information change form' },
        mandatory: true,
        providedByForm: true,
      },
      {
        code: 'health_insurance_form',
        name: { vi: 'Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế', en: 'Health insurance enrolment form' },
        mandatory: true,
        providedByForm: true,
      },
    ],
    legalBasis: [
      {
        reference: '63/2024/NĐ-CP',
        title: {
          vi: 'Nghị định quy định việc thực hiện liên thông điện tử hai nhóm thủ tục hành chính',
          en: 'Decree on the electronic linking of two groups of administrative procedures',
        },
      },
      { reference: '60/2014/QH13', title: { vi: 'Luật Hộ tịch', en: 'Law on Civil Status' } },
      { reference: '68/2020/QH14', title: { vi: 'Luật Cư trú', en: 'Law on Residence' } },
      { reference: '25/2008/QH12', title: { vi: 'Luật Bảo hiểm y tế', en: 'Law on Health Insurance' } },
    ],
    formSchemaVersion: 1,
    workflow: 'birth-registration-linked',
    sortOrder: 20,
  },
  /**
   * Đăng ký khai tử — death registration, national database code 1.000656. Sources: the Law on Civil
   * Status 2014 (60/2014/QH13) art. 33 (who registers it and within 15 days of the death, at the ward of
   * the deceased's last residence, else where they died or the body was found) and art. 34 (the
   * papers; decided the same working day), Decree 123/2015/NĐ-CP (the papers replacing a death notice),
   * and the ward procedure page
   * http://linhtay.tpthuduc.hochiminhcity.gov.vn/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-tu/ct/6073/10454
   * (on time free; late a fee set by the provincial council — the amount here is a demonstration figure,
   * as for birth registration).
   */
  {
    code: '1.000656',
    name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
    field: civilStatus,
    description: {
      vi: 'Đăng ký việc một người đã chết. Trong thời hạn 15 ngày kể từ ngày có người chết, vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết có trách nhiệm đi khai tử; không có người thân thích thì đại diện cơ quan, tổ chức liên quan đi khai tử. Công chức tư pháp - hộ tịch khóa thông tin hộ tịch của người chết.',
      en: "Registers a person's death. Within 15 days of the death, the spouse, a child, a parent or another relative of the deceased registers it; when there is no relative, a representative of the agency or organisation concerned does. The civil-status clerk locks the deceased's civil-status record.",
    },
    handlingAgency: {
      vi: 'Ủy ban nhân dân cấp xã (phường, xã, đặc khu) nơi cư trú cuối cùng của người chết; không xác định được thì nơi người đó chết hoặc nơi phát hiện thi thể',
      en: "People's Committee of the ward, commune or special zone of the deceased's last residence; if unknown, where they died or the body was found",
    },
    serviceLevel: 'full',
    handlingTier: 'commune',
    timeLimit: {
      amount: 0,
      unit: 'working_days',
      note: {
        vi: 'Giải quyết ngay trong ngày làm việc; hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo.',
        en: 'Decided the same working day; a dossier received after 15:00 is decided on the next working day.',
      },
    },
    fees: [
      {
        case: 'on_time',
        label: { vi: 'Đăng ký khai tử đúng hạn (trong 15 ngày)', en: 'Registered on time (within 15 days)' },
        amount: 0,
      },
      {
        case: 'late',
        label: {
          vi: 'Đăng ký khai tử quá hạn (mức thu theo nghị quyết của Hội đồng nhân dân cấp tỉnh; số liệu minh họa)',
          en: 'Late registration (amount set by the provincial council; demonstration figure)',
        },
        amount: 5000,
      },
      ...resultFees,
    ],
    requiredPapers: [
      {
        code: 'death_registration_form',
        name: { vi: 'Tờ khai đăng ký khai tử', en: 'Death registration form' },
        mandatory: true,
        providedByForm: true,
      },
      {
        code: 'death_notice',
        name: { vi: 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử', en: 'Death notice, or a paper replacing it' },
        mandatory: true,
        condition: {
          vi: 'Do cơ sở y tế, cơ quan công an, tòa án hoặc Ủy ban nhân dân cấp xã nơi người đó chết cấp (Nghị định 123/2015/NĐ-CP, điều 4).',
          en: 'Issued by the health facility, the police, the court or the ward where the person died (Decree 123/2015, art. 4).',
        },
        providedByForm: false,
      },
      {
        code: 'authorisation',
        name: { vi: 'Văn bản ủy quyền', en: 'Letter of authorisation' },
        mandatory: false,
        condition: {
          vi: 'Khi người đi khai tử được người thân thích của người chết ủy quyền.',
          en: "When the declarant registers on behalf of the deceased's relative.",
        },
        providedByForm: false,
      },
    ],
    legalBasis: [
      { reference: '60/2014/QH13', title: { vi: 'Luật Hộ tịch', en: 'Law on Civil Status' } },
      {
        reference: '123/2015/NĐ-CP',
        title: { vi: 'Nghị định quy định chi tiết Luật Hộ tịch', en: 'Decree detailing the Law on Civil Status' },
      },
    ],
    formSchemaVersion: 1,
    workflow: 'death-registration',
    sortOrder: 30,
  },
];
