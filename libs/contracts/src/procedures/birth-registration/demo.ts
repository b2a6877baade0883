import type { DemoContext } from '../demo-people';
import type { ApplicationData } from '../procedure-form';

const HOSPITALS = [
  ['Bệnh viện Phụ sản Hà Nội', 'Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội'],
  ['Bệnh viện Phụ sản Trung ương', 'Số 43 phố Tràng Thi, Phường Cửa Nam, Thành phố Hà Nội'],
  ['Bệnh viện Đa khoa Xanh Pôn', 'Số 12 phố Chu Văn An, Phường Ba Đình, Thành phố Hà Nội'],
] as const;

/** A birth registration as a family would fill it in (the papers are not part of demonstration data). */
export function birthRegistrationDemo(ctx: DemoContext): ApplicationData {
  const { people } = ctx;
  const family = people.familyName();
  const year = Number(ctx.eventDay.slice(0, 4));
  const mother = people.person('female', { from: year - 38, to: year - 20 }, ctx.provinceCode);
  const withFather = people.chance(0.8);
  const father = people.person('male', { from: year - 42, to: year - 22 }, ctx.provinceCode, family);
  const residence = people.address(ctx.unitName, ctx.provinceName);
  const sex = people.sex();
  const [facilityName, facilityAddress] = people.pick(HOSPITALS);
  const parent = (p: typeof mother) => ({
    absent: false,
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    personalId: p.personalId,
    residence,
  });
  const informant =
    withFather && people.chance(0.4) ? { ...father, relation: 'father' } : { ...mother, relation: 'mother' };
  return {
    child: {
      fullName: people.name(sex, withFather ? family : mother.fullName.split(' ')[0]),
      sex,
      dateOfBirth: ctx.eventDay,
      timeOfBirth: `${String(people.int(0, 23)).padStart(2, '0')}:${String(people.int(0, 59)).padStart(2, '0')}`,
    },
    birthPlace: { kind: 'facility', facilityName, address: facilityAddress },
    origin: { ethnicity: 'Kinh', nationality: 'Việt Nam', homeTown: people.homeTown() },
    mother: parent(mother),
    father: withFather ? parent(father) : { absent: true },
    informant: {
      fullName: informant.fullName,
      relation: informant.relation,
      personalId: informant.personalId,
      phone: informant.phone,
    },
    ward: { unitCode: ctx.unitCode },
    delivery: {
      extraCopies: ctx.extraCopies,
      method: ctx.post ? 'post' : 'collect',
      ...(ctx.post ? { postalAddress: residence } : {}),
    },
  };
}
