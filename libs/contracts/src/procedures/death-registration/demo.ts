import type { DemoContext } from '../demo-people';
import type { ApplicationData } from '../procedure-form';

/** A death registration as a relative would fill it in (the papers are not part of demonstration data). */
export function deathRegistrationDemo(ctx: DemoContext): ApplicationData {
  const { people } = ctx;
  const year = Number(ctx.eventDay.slice(0, 4));
  const sex = people.sex();
  const deceased = people.person(sex, { from: year - 95, to: year - 55 }, ctx.provinceCode);
  const residence = people.address(ctx.unitName, ctx.provinceName);
  const declarantSex = people.sex();
  const declarant = people.person(declarantSex, { from: year - 60, to: year - 25 }, ctx.provinceCode);
  const atHospital = people.chance(0.6);
  return {
    deceased: {
      fullName: deceased.fullName,
      sex,
      dateOfBirth: deceased.dateOfBirth,
      ...(people.chance(0.9) ? { personalId: deceased.personalId } : {}),
      lastResidence: residence,
    },
    death: {
      dateOfDeath: ctx.eventDay,
      timeOfDeath: `${String(people.int(0, 23)).padStart(2, '0')}:${String(people.int(0, 59)).padStart(2, '0')}`,
      placeKind: atHospital ? 'health_facility' : 'home',
      placeAddress: atHospital ? 'Bệnh viện Bạch Mai, Số 78 đường Giải Phóng, Thành phố Hà Nội' : residence,
      cause: people.pick(['illness', 'old_age', 'old_age', 'accident'] as const),
    },
    declarant: {
      fullName: declarant.fullName,
      relation: people.pick(['spouse', 'child', 'child', 'sibling'] as const),
      personalId: declarant.personalId,
      phone: declarant.phone,
    },
    ward: { unitCode: ctx.unitCode },
    delivery: {
      extraCopies: ctx.extraCopies,
      method: ctx.post ? 'post' : 'collect',
      ...(ctx.post ? { postalAddress: residence } : {}),
    },
  };
}
