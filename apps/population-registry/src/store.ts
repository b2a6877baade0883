/**
 * The registry's state, kept in memory and written to its own files under the data directory after every
 * change, so a registry killed at any moment (SIGKILL included) starts again with every person, birth,
 * death and number it had given out.
 *
 * Each file is written whole to a temporary file and renamed over the old one: a rename is atomic, so a
 * crash leaves either the old or the new file, never half of one. Writes are synchronous, so two changes
 * reach the disk in the order they were made: a birth writes the number as issued, then the person, then
 * the birth record; a death writes the death record, then the person marked deceased. A crash between two
 * files is repaired at the next start from what was written first (repair()), so no number is ever given
 * twice and no registration is half done.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sex } from './personal-id';
import { DEMO_PEOPLE } from './seed';

export interface Person {
  personalId: string;
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  status: 'alive' | 'deceased';
  dateOfDeath?: string;
  /** The death registration that recorded the death. */
  deathDossierCode?: string;
  /** The birth registration that gave the number, for a person registered here. */
  birthDossierCode?: string;
  source: 'seed' | 'birth';
  createdAt: string;
}

export interface BirthRecord {
  dossierCode: string;
  personalId: string;
  /** The facts as first registered, to tell a repeat of the request from a different one. */
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  provinceCode: string;
  placeOfBirth?: string;
  motherPersonalId?: string;
  fatherPersonalId?: string;
  assignedAt: string;
}

export interface DeathRecord {
  dossierCode: string;
  personalId: string | null;
  fullName: string;
  dateOfBirth?: string;
  dateOfDeath: string;
  recordedAt: string;
}

export interface State {
  people: Record<string, Person>;
  births: Record<string, BirthRecord>;
  deaths: Record<string, DeathRecord>;
  /** Every number ever given, with when: never reused, even were its person removed. */
  issued: Record<string, string>;
  meta: { seededAt?: string };
}

type Part = keyof State;
const PARTS: Part[] = ['issued', 'people', 'births', 'deaths', 'meta'];

export interface Store {
  state: State;
  dataDir: string;
  /** Writes these parts of the state to their files, in the order given. */
  save(...parts: Part[]): void;
  /** How many numbers of a 6-digit block have been issued. */
  issuedInBlock(prefix: string): number;
}

function empty(): State {
  return { people: {}, births: {}, deaths: {}, issued: {}, meta: {} };
}

function fileOf(dataDir: string, part: Part): string {
  return join(dataDir, `${part}.json`);
}

const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** Puts right what a crash between two files left: the later file is rebuilt from the earlier one. */
function repair(state: State): Part[] {
  const changed = new Set<Part>();
  for (const person of Object.values(state.people)) {
    if (!own(state.issued, person.personalId)) {
      state.issued[person.personalId] = person.createdAt;
      changed.add('issued');
    }
  }
  for (const death of Object.values(state.deaths)) {
    const person = death.personalId ? state.people[death.personalId] : undefined;
    if (person && person.status !== 'deceased') {
      Object.assign(person, {
        status: 'deceased',
        dateOfDeath: death.dateOfDeath,
        deathDossierCode: death.dossierCode,
      });
      changed.add('people');
    }
  }
  for (const person of Object.values(state.people)) {
    if (person.source !== 'birth' || !person.birthDossierCode || own(state.births, person.birthDossierCode)) continue;
    // The person was written, the birth record was not: the registration happened, with this number.
    state.births[person.birthDossierCode] = {
      dossierCode: person.birthDossierCode,
      personalId: person.personalId,
      fullName: person.fullName,
      sex: person.sex,
      dateOfBirth: person.dateOfBirth,
      provinceCode: person.personalId.slice(1, 3),
      assignedAt: person.createdAt,
    };
    changed.add('births');
  }
  return PARTS.filter((part) => changed.has(part));
}

/** Adds the demonstration people once, at the first start of a data directory. */
function seed(state: State): Part[] {
  if (state.meta.seededAt) return [];
  const now = new Date().toISOString();
  for (const demo of DEMO_PEOPLE) {
    if (own(state.issued, demo.personalId) || own(state.people, demo.personalId)) continue;
    state.issued[demo.personalId] = now;
    state.people[demo.personalId] = { ...demo, source: 'seed', createdAt: now };
    if (demo.deathDossierCode && demo.dateOfDeath) {
      state.deaths[demo.deathDossierCode] = {
        dossierCode: demo.deathDossierCode,
        personalId: demo.personalId,
        fullName: demo.fullName,
        dateOfBirth: demo.dateOfBirth,
        dateOfDeath: demo.dateOfDeath,
        recordedAt: now,
      };
    }
  }
  state.meta.seededAt = now;
  return ['issued', 'people', 'deaths', 'meta'];
}

/** Reads the state from the data directory (creating it), each missing file counting as empty. */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const state = empty();
  for (const part of PARTS) {
    let text: string;
    try {
      text = readFileSync(fileOf(dataDir, part), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') continue;
      throw error;
    }
    try {
      (state as unknown as Record<Part, unknown>)[part] = { ...state[part], ...JSON.parse(text) };
    } catch {
      throw new Error(`Cannot read ${fileOf(dataDir, part)}: it is not JSON (remove it to start afresh)`);
    }
  }
  const blocks = new Map<string, number>();
  const count = (id: string) => blocks.set(id.slice(0, 6), (blocks.get(id.slice(0, 6)) ?? 0) + 1);
  const save = (...parts: Part[]) => {
    for (const part of parts) {
      const file = fileOf(dataDir, part);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(state[part]), { mode: 0o600 });
      renameSync(temp, file);
    }
    // Recounted lazily: only `issued` changes the blocks.
    if (parts.includes('issued')) blocks.clear();
  };
  const toWrite = [...repair(state), ...seed(state)];
  save(...PARTS.filter((part) => toWrite.includes(part)));
  return {
    state,
    dataDir,
    save,
    issuedInBlock: (prefix) => {
      if (blocks.size === 0) for (const id of Object.keys(state.issued)) count(id);
      return blocks.get(prefix) ?? 0;
    },
  };
}
