import { CROSSING, crossingParts } from '@haven/reports/contracts';

// The page's words in the four languages the alliance's staff and partners read. Codes without
// a label (a nationality, a source) are shown as their code, the same in every language.
export const LANGUAGES = ['en', 'th', 'lo', 'my'] as const;
export type Language = (typeof LANGUAGES)[number];

type Words = Record<Language, string>;
const w = (en: string, th: string, lo: string, my: string): Words => ({ en, th, lo, my });

export const UI = {
  title: w(
    'Annual programme report',
    'รายงานประจำปีของโครงการ',
    'ລາຍງານປະຈຳປີຂອງໂຄງການ',
    'နှစ်ပတ်လည် အစီအစဉ် အစီရင်ခံစာ',
  ),
  asOf: w('As recorded by', 'ตามที่บันทึกไว้ ณ', 'ຕາມທີ່ບັນທຶກໄວ້ເຖິງ', 'မှတ်တမ်းတင်ထားသည့်အချိန်'),
  total: w('Total', 'รวม', 'ລວມ', 'စုစုပေါင်း'),
  suppressed: w(
    'Cells from 1 to {k} − 1 are hidden (–), and enough others that none can be worked out.',
    'ช่องที่มีค่า 1 ถึง {k} − 1 ถูกซ่อน (–) รวมถึงช่องอื่นที่จำเป็น เพื่อไม่ให้คำนวณย้อนกลับได้',
    'ຊ່ອງທີ່ມີຄ່າ 1 ຫາ {k} − 1 ຖືກເຊື່ອງໄວ້ (–) ພ້ອມຊ່ອງອື່ນທີ່ຈຳເປັນ ເພື່ອບໍ່ໃຫ້ຄິດໄລ່ຄືນໄດ້',
    '၁ မှ {k} − ၁ အထိ အကွက်များကို ဖုံးထားသည် (–)၊ ပြန်တွက်၍ မရစေရန် အခြားအကွက်များကိုလည်း ဖုံးထားသည်။',
  ),
  byCountryAndProgramme: w(
    'Beneficiaries by country and programme',
    'ผู้รับประโยชน์ ตามประเทศและโครงการ',
    'ຜູ້ໄດ້ຮັບຜົນປະໂຫຍດ ຕາມປະເທດ ແລະ ໂຄງການ',
    'နိုင်ငံနှင့် အစီအစဉ်အလိုက် အကျိုးခံစားသူများ',
  ),
  byCountry: w('By country', 'ตามประเทศ', 'ຕາມປະເທດ', 'နိုင်ငံအလိုက်'),
  language: w('Language', 'ภาษา', 'ພາສາ', 'ဘာသာစကား'),
  downloads: w('Download', 'ดาวน์โหลด', 'ດາວໂຫຼດ', 'ဒေါင်းလုဒ်'),
} as const;

export const COUNTRY_NAMES: Record<string, Words> = {
  TH: w('Thailand', 'ไทย', 'ໄທ', 'ထိုင်း'),
  LA: w('Laos', 'ลาว', 'ລາວ', 'လာအို'),
  MM: w('Myanmar', 'เมียนมา', 'ມຽນມາ', 'မြန်မာ'),
  VN: w('Vietnam', 'เวียดนาม', 'ຫວຽດນາມ', 'ဗီယက်နမ်'),
  OTHER: w('Other', 'อื่น ๆ', 'ອື່ນໆ', 'အခြား'),
};

export const PROGRAMME_NAMES: Record<string, Words> = {
  networks: w('Networks', 'เครือข่าย', 'ເຄືອຂ່າຍ', 'ကွန်ရက်'),
  protection: w('Protection', 'การคุ้มครอง', 'ການປົກປ້ອງ', 'ကာကွယ်စောင့်ရှောက်ရေး'),
  empowerment: w('Empowerment', 'การเสริมพลัง', 'ການເສີມສ້າງຄວາມເຂັ້ມແຂງ', 'စွမ်းဆောင်ရည်မြှင့်တင်ရေး'),
  legal: w('Legal assistance', 'ความช่วยเหลือทางกฎหมาย', 'ການຊ່ວຍເຫຼືອທາງກົດໝາຍ', 'ဥပဒေအကူအညီ'),
  relief: w('Relief', 'การบรรเทาทุกข์', 'ການບັນເທົາທຸກ', 'ကယ်ဆယ်ရေး'),
  all: w('All programmes', 'ทุกโครงการ', 'ທຸກໂຄງການ', 'အစီအစဉ်အားလုံး'),
};

export const FIGURE_NAMES: Record<string, Words> = {
  caseNotifications: w('Case notifications', 'การแจ้งเหตุ', 'ການແຈ້ງກໍລະນີ', 'အမှုအကြောင်းကြားချက်များ'),
  caseNotificationOutcomes: w(
    'Notifications by outcome',
    'ผลของการแจ้งเหตุ',
    'ຜົນຂອງການແຈ້ງກໍລະນີ',
    'အကြောင်းကြားချက် ရလဒ်များ',
  ),
  watchdogsActive: w(
    'Watchdogs active',
    'ผู้เฝ้าระวังที่ปฏิบัติงาน',
    'ຜູ້ເຝົ້າລະວັງທີ່ເຄື່ອນໄຫວ',
    'လက်ရှိ စောင့်ကြည့်သူများ',
  ),
  watchdogsNew: w('New watchdogs', 'ผู้เฝ้าระวังใหม่', 'ຜູ້ເຝົ້າລະວັງໃໝ່', 'စောင့်ကြည့်သူ အသစ်များ'),
  networkMembersActive: w(
    "Agents of change and women's groups active",
    'ผู้นำการเปลี่ยนแปลงและกลุ่มผู้หญิงที่ปฏิบัติงาน',
    'ຜູ້ນຳການປ່ຽນແປງ ແລະ ກຸ່ມແມ່ຍິງທີ່ເຄື່ອນໄຫວ',
    'လက်ရှိ ပြောင်းလဲမှု ဆောင်ရွက်သူများနှင့် အမျိုးသမီးအုပ်စုများ',
  ),
  networkMembersNew: w(
    "New agents of change and women's groups",
    'ผู้นำการเปลี่ยนแปลงและกลุ่มผู้หญิงใหม่',
    'ຜູ້ນຳການປ່ຽນແປງ ແລະ ກຸ່ມແມ່ຍິງໃໝ່',
    'ပြောင်းလဲမှု ဆောင်ရွက်သူများနှင့် အမျိုးသမီးအုပ်စု အသစ်များ',
  ),
  watchdogCountriesNew: w(
    'Countries new watchdogs live in',
    'ประเทศที่ผู้เฝ้าระวังใหม่อาศัยอยู่',
    'ປະເທດທີ່ຜູ້ເຝົ້າລະວັງໃໝ່ອາໄສຢູ່',
    'စောင့်ကြည့်သူ အသစ်များ နေထိုင်သည့် နိုင်ငံများ',
  ),
  watchdogCommunitiesNew: w(
    'Communities new watchdogs live in',
    'ชุมชนที่ผู้เฝ้าระวังใหม่อาศัยอยู่',
    'ຊຸມຊົນທີ່ຜູ້ເຝົ້າລະວັງໃໝ່ອາໄສຢູ່',
    'စောင့်ကြည့်သူ အသစ်များ နေထိုင်သည့် ရပ်ရွာများ',
  ),
  advocacyActions: w(
    'Advocacy actions',
    'การรณรงค์เชิงนโยบาย',
    'ການເຄື່ອນໄຫວດ້ານນະໂຍບາຍ',
    'မူဝါဒ ထောက်ခံ လှုပ်ရှားမှုများ',
  ),
  advocacyOutcomes: w(
    'Advocacy outcomes',
    'ผลของการรณรงค์เชิงนโยบาย',
    'ຜົນຂອງການເຄື່ອນໄຫວດ້ານນະໂຍບາຍ',
    'မူဝါဒ ထောက်ခံမှု ရလဒ်များ',
  ),
  notifiers: w('Reporters of notifications', 'ผู้แจ้งเหตุ', 'ຜູ້ແຈ້ງກໍລະນີ', 'အကြောင်းကြားသူများ'),
  trainingSessions: w('Training sessions', 'ครั้งของการอบรม', 'ຄັ້ງຂອງການຝຶກອົບຮົມ', 'သင်တန်း အကြိမ်များ'),
  trainingPlaces: w('Training places', 'สถานที่อบรม', 'ສະຖານທີ່ຝຶກອົບຮົມ', 'သင်တန်း နေရာများ'),
  trainingParticipants: w('Training participants', 'ผู้เข้าอบรม', 'ຜູ້ເຂົ້າຮ່ວມການຝຶກອົບຮົມ', 'သင်တန်းသားများ'),
  campaignReach: w(
    'Campaign reach',
    'การเข้าถึงของการรณรงค์',
    'ການເຂົ້າເຖິງຂອງການໂຄສະນາ',
    'လှုပ်ရှားမှု ရောက်ရှိမှု',
  ),
  personsProtected: w('Persons protected', 'ผู้ได้รับการคุ้มครอง', 'ຜູ້ໄດ້ຮັບການປົກປ້ອງ', 'ကာကွယ်ခံရသူများ'),
  casesOpened: w('Cases opened', 'คดีที่เปิด', 'ກໍລະນີທີ່ເປີດ', 'ဖွင့်သော အမှုများ'),
  casesClosed: w('Cases closed', 'คดีที่ปิด', 'ກໍລະນີທີ່ປິດ', 'ပိတ်သော အမှုများ'),
  rescues: w('Rescues', 'ปฏิบัติการช่วยเหลือ', 'ການກູ້ໄພ', 'ကယ်ဆယ်မှုများ'),
  personsRescued: w('Persons rescued', 'ผู้ได้รับการช่วยเหลือ', 'ຜູ້ຖືກກູ້ໄພ', 'ကယ်ဆယ်ခံရသူများ'),
  identifications: w(
    'Victim identifications',
    'การคัดแยกผู้เสียหาย',
    'ການກຳນົດຕົວຜູ້ເຄາະຮ້າຍ',
    'သားကောင် သတ်မှတ်ခြင်း',
  ),
  returnsCompleted: w(
    'Returns completed',
    'การส่งกลับที่สำเร็จ',
    'ການສົ່ງກັບຄືນທີ່ສຳເລັດ',
    'ပြန်လည်ပို့ဆောင်ပြီးမှုများ',
  ),
  beneficiariesServed: w('Beneficiaries served', 'ผู้รับบริการ', 'ຜູ້ໄດ້ຮັບບໍລິການ', 'ဝန်ဆောင်မှုရရှိသူများ'),
  averageAge: w('Average age', 'อายุเฉลี่ย', 'ອາຍຸສະເລ່ຍ', 'ပျမ်းမျှအသက်'),
  youngestAge: w('Youngest age', 'อายุน้อยที่สุด', 'ອາຍຸນ້ອຍທີ່ສຸດ', 'အငယ်ဆုံးအသက်'),
  oldestAge: w('Oldest age', 'อายุมากที่สุด', 'ອາຍຸຫຼາຍທີ່ສຸດ', 'အကြီးဆုံးအသက်'),
  followUps: w('Follow-ups', 'การติดตามผล', 'ການຕິດຕາມ', 'နောက်ဆက်တွဲ စောင့်ကြည့်မှုများ'),
  grants: w('Small grants', 'ทุนขนาดเล็ก', 'ທຶນຂະໜາດນ້ອຍ', 'အသေးစား ထောက်ပံ့ငွေများ'),
  grantBeneficiaries: w(
    'Beneficiaries given a small grant',
    'ผู้รับประโยชน์ที่ได้รับทุนขนาดเล็ก',
    'ຜູ້ໄດ້ຮັບຜົນປະໂຫຍດທີ່ໄດ້ຮັບທຶນຂະໜາດນ້ອຍ',
    'အသေးစား ထောက်ပံ့ငွေ ရရှိသူများ',
  ),
  grantAmounts: w(
    'Grant amounts (minor units)',
    'จำนวนเงินทุน (หน่วยย่อย)',
    'ຈຳນວນເງິນທຶນ (ຫົວໜ່ວຍຍ່ອຍ)',
    'ထောက်ပံ့ငွေ ပမာဏ (အသေးဆုံးယူနစ်)',
  ),
  tuitionSupported: w('Tuition supported', 'ทุนค่าเล่าเรียน', 'ທຶນຄ່າຮຽນ', 'ကျောင်းလခ ထောက်ပံ့မှု'),
  agentsOfChangeTrained: w(
    'Agents of change trained',
    'ผู้นำการเปลี่ยนแปลงที่ได้รับการอบรม',
    'ຜູ້ນຳການປ່ຽນແປງທີ່ໄດ້ຮັບການຝຶກ',
    'လေ့ကျင့်ပြီး ပြောင်းလဲမှုအေးဂျင့်များ',
  ),
  careerAlternativesSupported: w(
    'Supported with educational and career alternatives',
    'ได้รับการสนับสนุนด้านการศึกษาและทางเลือกอาชีพ',
    'ໄດ້ຮັບການສະໜັບສະໜູນດ້ານການສຶກສາ ແລະ ທາງເລືອກອາຊີບ',
    'ပညာရေးနှင့် အသက်မွေးဝမ်းကျောင်း ရွေးချယ်မှု ထောက်ပံ့ခံရသူများ',
  ),
  sheltersServed: w(
    'Shelters where beneficiaries were served',
    'สถานคุ้มครองที่ให้บริการผู้รับประโยชน์',
    'ສູນພັກພິງທີ່ໃຫ້ບໍລິການຜູ້ໄດ້ຮັບຜົນປະໂຫຍດ',
    'အကျိုးခံစားသူများကို ဝန်ဆောင်မှုပေးခဲ့သော ခိုလှုံရာနေရာများ',
  ),
  trainingInstitutions: w(
    'Schools and institutions trained',
    'โรงเรียนและสถาบันที่ได้รับการอบรม',
    'ໂຮງຮຽນ ແລະ ສະຖາບັນທີ່ໄດ້ຮັບການຝຶກອົບຮົມ',
    'သင်တန်းတက်ခဲ့သော ကျောင်းများနှင့် အဖွဲ့အစည်းများ',
  ),
  networkActivities: w(
    'Network meetings and focus groups',
    'การประชุมเครือข่ายและการสนทนากลุ่ม',
    'ກອງປະຊຸມເຄືອຂ່າຍ ແລະ ການສົນທະນາກຸ່ມ',
    'ကွန်ရက် အစည်းအဝေးများနှင့် အုပ်စုဖွဲ့ ဆွေးနွေးမှုများ',
  ),
  networkActivityParticipants: w(
    'Participants in meetings and focus groups',
    'ผู้เข้าร่วมการประชุมและการสนทนากลุ่ม',
    'ຜູ້ເຂົ້າຮ່ວມກອງປະຊຸມ ແລະ ການສົນທະນາກຸ່ມ',
    'အစည်းအဝေးနှင့် အုပ်စုဖွဲ့ ဆွေးနွေးမှု တက်ရောက်သူများ',
  ),
  casesActive: w('Legal cases active', 'คดีที่ดำเนินการ', 'ຄະດີທີ່ດຳເນີນການ', 'လက်ရှိ တရားရုံးအမှုများ'),
  beneficiaries: w('Beneficiaries', 'ผู้รับประโยชน์', 'ຜູ້ໄດ້ຮັບຜົນປະໂຫຍດ', 'အကျိုးခံစားသူများ'),
  serviceOccasions: w('Service occasions', 'ครั้งของการให้บริการ', 'ຄັ້ງຂອງການບໍລິການ', 'ဝန်ဆောင်မှု အကြိမ်များ'),
  compensationClaimed: w(
    'Compensation claimed',
    'ค่าสินไหมที่เรียกร้อง',
    'ຄ່າຊົດເຊີຍທີ່ຮຽກຮ້ອງ',
    'တောင်းဆိုသော လျော်ကြေး',
  ),
  compensationApproved: w(
    'Compensation approved',
    'ค่าสินไหมที่ศาลอนุมัติ',
    'ຄ່າຊົດເຊີຍທີ່ອະນຸມັດ',
    'အတည်ပြုသော လျော်ကြေး',
  ),
  compensationPaid: w('Compensation paid', 'ค่าสินไหมที่ได้รับ', 'ຄ່າຊົດເຊີຍທີ່ໄດ້ຮັບ', 'ပေးချေပြီး လျော်ကြေး'),
  offenders: w(
    'Offenders, status at year end',
    'ผู้กระทำผิด สถานะ ณ สิ้นปี',
    'ຜູ້ກະທຳຜິດ ສະຖານະທ້າຍປີ',
    'ပြစ်မှုကျူးလွန်သူများ (နှစ်ကုန် အခြေအနေ)',
  ),
  casesServed: w(
    'Cases given a legal service',
    'คดีที่ได้รับบริการทางกฎหมาย',
    'ຄະດີທີ່ໄດ້ຮັບບໍລິການດ້ານກົດໝາຍ',
    'ဥပဒေ ဝန်ဆောင်မှု ရရှိသော အမှုများ',
  ),
  verdicts: w('Verdicts', 'คำพิพากษา', 'ຄຳຕັດສິນ', 'စီရင်ချက်များ'),
  recipients: w('Relief recipients', 'ผู้รับความช่วยเหลือ', 'ຜູ້ໄດ້ຮັບການຊ່ວຍເຫຼືອ', 'ကယ်ဆယ်ရေး လက်ခံသူများ'),
  reliefAmounts: w(
    'Relief amounts (minor units)',
    'จำนวนเงินช่วยเหลือ (หน่วยย่อย)',
    'ຈຳນວນເງິນຊ່ວຍເຫຼືອ (ຫົວໜ່ວຍຍ່ອຍ)',
    'ကယ်ဆယ်ရေး ငွေပမာဏ',
  ),
  potentialVictimsDetected: w(
    'Potential victims detected',
    'ผู้เสียหายที่อาจเป็นไปได้ที่ตรวจพบ',
    'ຜູ້ເຄາະຮ້າຍທີ່ອາດເປັນໄປໄດ້ທີ່ກວດພົບ',
    'တွေ့ရှိသော သားကောင်ဖြစ်နိုင်သူများ',
  ),
  potentialVictimsNotified: w(
    'Potential victims detected and notified',
    'ผู้เสียหายที่อาจเป็นไปได้ที่ตรวจพบและแจ้ง',
    'ຜູ້ເຄາະຮ້າຍທີ່ອາດເປັນໄປໄດ້ທີ່ກວດພົບ ແລະ ແຈ້ງ',
    'တွေ့ရှိ အကြောင်းကြားသော သားကောင်ဖြစ်နိုင်သူများ',
  ),
  fieldWorkers: w('Field workers', 'เจ้าหน้าที่ภาคสนาม', 'ພະນັກງານພາກສະໜາມ', 'ကွင်းဆင်းဝန်ထမ်းများ'),
  peopleAtRisk: w(
    'People at risk found in the field',
    'ผู้ที่มีความเสี่ยงที่พบในพื้นที่',
    'ຜູ້ທີ່ມີຄວາມສ່ຽງທີ່ພົບໃນພາກສະໜາມ',
    'ကွင်းဆင်းတွေ့ရှိသော အန္တရာယ်ရှိသူများ',
  ),
  migratedFamilies: w(
    'Families who migrated for work',
    'ครอบครัวที่ย้ายถิ่นเพื่อหางาน',
    'ຄອບຄົວທີ່ອົບພະຍົບໄປເຮັດວຽກ',
    'အလုပ်အတွက် ပြောင်းရွှေ့သွားသော မိသားစုများ',
  ),
  uniqueBeneficiaries: w(
    'Beneficiaries, each counted once',
    'ผู้รับประโยชน์ (นับคนละครั้ง)',
    'ຜູ້ໄດ້ຮັບຜົນປະໂຫຍດ (ນັບຄົນລະເທື່ອ)',
    'အကျိုးခံစားသူများ (တစ်ဦးလျှင် တစ်ကြိမ်)',
  ),
};

export const BREAKDOWN_NAMES: Record<string, Words> = {
  source: w('Source', 'แหล่งที่มา', 'ແຫຼ່ງທີ່ມາ', 'ရင်းမြစ်'),
  activity: w('Reported from an activity', 'แจ้งจากกิจกรรม', 'ແຈ້ງຈາກກິດຈະກຳ', 'လှုပ်ရှားမှုမှ အကြောင်းကြားသည်'),
  form: w('Form of exploitation', 'รูปแบบการแสวงประโยชน์', 'ຮູບແບບການຂູດຮີດ', 'အမြတ်ထုတ်မှု ပုံစံ'),
  outcome: w('Outcome', 'ผล', 'ຜົນ', 'ရလဒ်'),
  kind: w('Kind', 'ประเภท', 'ປະເພດ', 'အမျိုးအစား'),
  region: w('Region', 'พื้นที่', 'ພື້ນທີ່', 'ဒေသ'),
  sex: w('Sex', 'เพศ', 'ເພດ', 'လိင်'),
  role: w('Role', 'บทบาท', 'ບົດບາດ', 'အခန်းကဏ္ဍ'),
  nationality: w('Nationality', 'สัญชาติ', 'ສັນຊາດ', 'နိုင်ငံသား'),
  ageGroup: w('Minor or adult', 'ผู้เยาว์หรือผู้ใหญ่', 'ເດັກ ຫຼື ຜູ້ໃຫຍ່', 'အရွယ်မရောက်သူ သို့မဟုတ် လူကြီး'),
  place: w(
    'In the country or abroad',
    'ในประเทศหรือต่างประเทศ',
    'ພາຍໃນ ຫຼື ຕ່າງປະເທດ',
    'နိုင်ငံတွင်း သို့မဟုတ် နိုင်ငံခြား',
  ),
  destination: w('Destination', 'ประเทศปลายทาง', 'ປະເທດປາຍທາງ', 'ဦးတည်ရာ နိုင်ငံ'),
  programme: w('Programme', 'โครงการ', 'ໂຄງການ', 'အစီအစဉ်'),
  setting: w('Setting', 'สถานที่ดูแล', 'ສະຖານທີ່ດູແລ', 'နေရာ'),
  serviceKind: w('Service', 'บริการ', 'ບໍລິການ', 'ဝန်ဆောင်မှု'),
  mode: w('Mode', 'ช่องทาง', 'ຊ່ອງທາງ', 'နည်းလမ်း'),
  reached: w('Reached', 'ติดต่อได้', 'ຕິດຕໍ່ໄດ້', 'ဆက်သွယ်နိုင်မှု'),
  purpose: w('Purpose', 'วัตถุประสงค์', 'ຈຸດປະສົງ', 'ရည်ရွယ်ချက်'),
  currency: w('Currency', 'สกุลเงิน', 'ສະກຸນເງິນ', 'ငွေကြေး'),
  reason: w('Reason', 'เหตุผล', 'ເຫດຜົນ', 'အကြောင်းရင်း'),
  topic: w('Topic', 'หัวข้อ', 'ຫົວຂໍ້', 'ခေါင်းစဉ်'),
  task: w('Task', 'งาน', 'ໜ້າວຽກ', 'တာဝန်'),
  operator: w('Run by', 'ผู้ดำเนินการ', 'ຜູ້ດຳເນີນການ', 'လုပ်ကိုင်သူ'),
  support: w('Support', 'การสนับสนุน', 'ການສະໜັບສະໜູນ', 'ထောက်ပံ့မှု'),
  caseKind: w('Kind of case', 'ประเภทคดี', 'ປະເພດຄະດີ', 'အမှု အမျိုးအစား'),
  exploitedIn: w('Exploited in', 'ถูกแสวงประโยชน์ที่', 'ຖືກຂູດຮີດທີ່', 'အမြတ်ထုတ်ခံရသည့် နိုင်ငံ'),
  residence: w('Lives in', 'ประเทศที่อาศัย', 'ປະເທດທີ່ອາໄສ', 'နေထိုင်သည့် နိုင်ငံ'),
  placeOfExploitation: w(
    'Place of exploitation',
    'สถานที่ถูกแสวงประโยชน์',
    'ສະຖານທີ່ຖືກຂູດຮີດ',
    'အမြတ်ထုတ်ခံရသည့် နေရာ',
  ),
};

export const KEY_NAMES: Record<string, Words> = {
  LAWYERS: w('Lawyers', 'ทนายความ', 'ທະນາຍຄວາມ', 'ရှေ့နေများ'),
  LEGAL_CONSULTATION: w(
    'Legal consultation',
    'การให้คำปรึกษาทางกฎหมาย',
    'ການໃຫ້ຄຳປຶກສາດ້ານກົດໝາຍ',
    'ဥပဒေ အကြံဉာဏ်ပေးခြင်း',
  ),
  FEMALE: w('Female', 'หญิง', 'ຍິງ', 'အမျိုးသမီး'),
  MALE: w('Male', 'ชาย', 'ຊາຍ', 'အမျိုးသား'),
  MINOR: w('Minor', 'ผู้เยาว์', 'ຜູ້ເຍົາ', 'အရွယ်မရောက်သူ'),
  ADULT: w('Adult', 'ผู้ใหญ่', 'ຜູ້ໃຫຍ່', 'လူကြီး'),
  ABROAD: w('Abroad', 'ต่างประเทศ', 'ຕ່າງປະເທດ', 'နိုင်ငံခြား'),
  IN_COUNTRY: w('In the country', 'ในประเทศ', 'ພາຍໃນປະເທດ', 'နိုင်ငံတွင်း'),
  IN_TRANSIT: w(
    'In transit (intercepted)',
    'ระหว่างการเดินทาง (สกัดกั้นได้)',
    'ລະຫວ່າງການເດີນທາງ (ສະກັດກັ້ນໄດ້)',
    'ခရီးလမ်းတွင် (ကြားဖြတ်ဟန့်တားခဲ့)',
  ),
  UNKNOWN: w('Unknown', 'ไม่ทราบ', 'ບໍ່ຮູ້', 'မသိ'),
  GOVERNMENT: w('Government', 'ภาครัฐ', 'ລັດຖະບານ', 'အစိုးရ'),
  NON_GOVERNMENT: w('Not government', 'ไม่ใช่ภาครัฐ', 'ບໍ່ແມ່ນພາກລັດ', 'အစိုးရ မဟုတ်'),
  TRAINING: w('Training', 'การฝึกอบรม', 'ການຝຶກອົບຮົມ', 'သင်တန်း'),
  CAMPAIGN: w('Campaign', 'การรณรงค์', 'ການໂຄສະນາ', 'လှုံ့ဆော်မှု'),
  NONE: w('None', 'ไม่มี', 'ບໍ່ມີ', 'မရှိ'),
  MEETING: w('Network meeting', 'การประชุมเครือข่าย', 'ກອງປະຊຸມເຄືອຂ່າຍ', 'ကွန်ရက် အစည်းအဝေး'),
  FOCUS_GROUP: w('Focus group', 'การสนทนากลุ่ม', 'ການສົນທະນາກຸ່ມ', 'အုပ်စုဖွဲ့ ဆွေးနွေးမှု'),
  WATCHDOGS: w('Watchdogs', 'ผู้เฝ้าระวัง', 'ຜູ້ເຝົ້າລະວັງ', 'စောင့်ကြည့်သူများ'),
  PEERS_AT_RISK: w('Peers at risk', 'กลุ่มเพื่อนที่มีความเสี่ยง', 'ໝູ່ທີ່ມີຄວາມສ່ຽງ', 'အန္တရာယ်ရှိသော လုပ်ဖော်ကိုင်ဖက်များ'),
  VOLUNTEER_ABROAD: w(
    'Volunteer abroad',
    'อาสาสมัครในต่างประเทศ',
    'ອາສາສະໝັກຢູ່ຕ່າງປະເທດ',
    'နိုင်ငံခြားရှိ စေတနာ့ဝန်ထမ်း',
  ),
  ORGANISATION_ABROAD: w(
    'Organisation abroad',
    'องค์กรในต่างประเทศ',
    'ອົງການຢູ່ຕ່າງປະເທດ',
    'နိုင်ငံခြားရှိ အဖွဲ့အစည်း',
  ),
  VOCATIONAL_TRAINING: w('Vocational training', 'การฝึกอาชีพ', 'ການຝຶກອາຊີບ', 'အသက်မွေးဝမ်းကျောင်း သင်တန်း'),
  HIDDEN_BROTHEL: w('Hidden brothel', 'ซ่องแอบแฝง', 'ຊ່ອງໂສເພນີລັບ', 'လျှို့ဝှက် ပြည့်တန်ဆာခန်း'),
  ENTERTAINMENT_VENUE: w('Entertainment venue', 'สถานบันเทิง', 'ສະຖານບັນເທີງ', 'ဖျော်ဖြေရေး နေရာ'),
  MASSAGE_PARLOUR: w('Massage parlour', 'ร้านนวด', 'ຮ້ານນວດ', 'အနှိပ်ခန်း'),
  PRIVATE_HOUSE: w('Private house', 'บ้านส่วนบุคคล', 'ເຮືອນສ່ວນຕົວ', 'ကိုယ်ပိုင်အိမ်'),
  ONLINE: w('Online', 'ออนไลน์', 'ອອນລາຍ', 'အွန်လိုင်း'),
  FOREIGN_HUSBANDS_HOUSE: w(
    "A foreign husband's house",
    'บ้านสามีชาวต่างชาติ',
    'ເຮືອນຂອງສາມີຕ່າງຊາດ',
    'နိုင်ငံခြားသား ခင်ပွန်း၏ အိမ်',
  ),
  AGENT_OF_CHANGE: w('Agent of change', 'ผู้นำการเปลี่ยนแปลง', 'ຜູ້ນຳການປ່ຽນແປງ', 'ပြောင်းလဲမှု ဆောင်ရွက်သူ'),
  WOMENS_GROUP: w("Women's group", 'กลุ่มผู้หญิง', 'ກຸ່ມແມ່ຍິງ', 'အမျိုးသမီးအုပ်စု'),
  SINGLE_MOTHER: w('Single mother', 'แม่เลี้ยงเดี่ยว', 'ແມ່ລ້ຽງລູກຜູ້ດຽວ', 'တစ်ကိုယ်တော် မိခင်'),
  LOST_WORK_IN_TOURISM: w(
    'Lost work in tourism',
    'ตกงานจากธุรกิจท่องเที่ยว',
    'ເສຍວຽກໃນຂະແໜງທ່ອງທ່ຽວ',
    'ခရီးသွားလုပ်ငန်းတွင် အလုပ်ပြုတ်',
  ),
  LOST_WORK_IN_PROSTITUTION: w(
    'Lost work in sex work',
    'ตกงานจากงานบริการทางเพศ',
    'ເສຍວຽກໃນການຄ້າປະເວນີ',
    'လိင်လုပ်ငန်းတွင် အလုပ်ပြုတ်',
  ),
  BENEFICIARY: w(
    'Registered beneficiary',
    'ผู้รับประโยชน์ที่ลงทะเบียน',
    'ຜູ້ຮັບຜົນປະໂຫຍດທີ່ລົງທະບຽນ',
    'မှတ်ပုံတင်ထားသော အကျိုးခံစားသူ',
  ),
  RELIEF_RECIPIENT: w('Relief recipient', 'ผู้รับความช่วยเหลือ', 'ຜູ້ຮັບການຊ່ວຍເຫຼືອ', 'ကယ်ဆယ်ရေး လက်ခံသူ'),
};

/** The word for `code` in `language`, or the code itself; for a crossing, each part's. */
export function label(table: Record<string, Words>, code: string, language: Language): string {
  const parts = crossingParts(code);
  if (parts) return parts.map((part) => label(table, part, language)).join(CROSSING);
  return table[code]?.[language] ?? PROGRAMME_NAMES[code]?.[language] ?? code;
}
