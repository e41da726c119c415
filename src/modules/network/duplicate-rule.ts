import { DUPLICATE_RULE, type DuplicateHit } from './duplicates-repository.ts';

/** A probe or an organisation as the database normalised it: its name's trigrams (pg_trgm's `show_trgm`) and its keys. */
export interface KeyedProbe {
  line: number;
  name_key: string;
  trigrams: string[];
  web_key: string;
  mail_key: string;
  addr_key: string;
}

export interface KeyedOrganisation extends Omit<KeyedProbe, 'line'> {
  id: number;
  name: string;
  type: string;
  website: string;
  email: string;
  address: string;
}

/**
 * The least name similarity that can reach the threshold without a shared key (60 × 0.658 rounds
 * to 40), taken a little lower so that rounding never loses a pair: the exact score decides.
 */
export const NAME_ONLY = 0.65;

/**
 * `DUPLICATE_RULE` for many probes against a town's organisations in memory, scored as the SQL of
 * `organisationHits` scores one: pg_trgm's similarity is shared trigrams over all trigrams of both
 * (a real, hence `fround`), times the name weight, plus the weights of equal non-empty keys.
 *
 * Names that share only common trigrams ("verein", the town's name) cannot be similar enough, so
 * candidates by name come from prefix filtering: a name with similarity ≥ τ to the probe shares
 * at least one of the probe's |p| − ⌈τ·|p|⌉ + 1 rarest trigrams. Candidates by key come from the
 * keys. Every candidate is then scored exactly.
 */
export function scoreMany(probes: KeyedProbe[], town: KeyedOrganisation[], limit: number): Array<{ line: number; name_key: string; hits: DuplicateHit[] }> {
  const byTrigram = new Map<string, number[]>();
  const byKey = { web: new Map<string, number[]>(), mail: new Map<string, number[]>(), addr: new Map<string, number[]>() };
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    if (key === '') return;
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  town.forEach((o, index) => {
    for (const t of o.trigrams) add(byTrigram, t, index);
    add(byKey.web, o.web_key, index);
    add(byKey.mail, o.mail_key, index);
    add(byKey.addr, o.addr_key, index);
  });
  const frequency = (t: string) => byTrigram.get(t)?.length ?? 0;
  const seen = new Int32Array(town.length).fill(-1);

  return probes.map((p, probeIndex) => {
    const mine = new Set(p.trigrams);
    const hits: DuplicateHit[] = [];
    const consider = (index: number) => {
      if (seen[index] === probeIndex) return;
      seen[index] = probeIndex;
      const o = town[index] as KeyedOrganisation;
      let common = 0;
      for (const t of o.trigrams) if (mine.has(t)) common++;
      const total = mine.size + o.trigrams.length - common;
      const similarity = total > 0 ? Math.fround(common / total) : 0;
      const sameWebsite = p.web_key !== '' && o.web_key === p.web_key;
      const sameEmail = p.mail_key !== '' && o.mail_key === p.mail_key;
      const sameAddress = p.addr_key !== '' && o.addr_key === p.addr_key;
      const score = Math.round(DUPLICATE_RULE.name * similarity) + (sameWebsite ? DUPLICATE_RULE.website : 0) + (sameEmail ? DUPLICATE_RULE.email : 0) + (sameAddress ? DUPLICATE_RULE.address : 0);
      if (score >= DUPLICATE_RULE.threshold) {
        hits.push({ id: o.id, name: o.name, type: o.type, website: o.website, email: o.email, address: o.address, score, same_website: sameWebsite, same_email: sameEmail, same_address: sameAddress });
      }
    };
    const rarest = [...mine].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : a > b ? 1 : 0));
    const prefix = rarest.length - Math.ceil(NAME_ONLY * rarest.length) + 1;
    for (const t of rarest.slice(0, prefix)) {
      for (const index of byTrigram.get(t) ?? []) {
        const length = town[index]?.trigrams.length ?? 0;
        // Lengths too far apart cannot reach the similarity either.
        if (length >= NAME_ONLY * mine.size && length * NAME_ONLY <= mine.size) consider(index);
      }
    }
    if (p.web_key !== '') for (const index of byKey.web.get(p.web_key) ?? []) consider(index);
    if (p.mail_key !== '') for (const index of byKey.mail.get(p.mail_key) ?? []) consider(index);
    if (p.addr_key !== '') for (const index of byKey.addr.get(p.addr_key) ?? []) consider(index);
    hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'de') || a.id - b.id);
    return { line: p.line, name_key: p.name_key, hits: hits.slice(0, limit) };
  });
}
