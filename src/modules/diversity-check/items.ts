import type { Dimension } from './tables.ts';

/**
 * The first version of the items: the programme's own wording (written for this programme, not
 * taken from another instrument). The programme office changes them on the platform; each change
 * makes a new version, so this list only seeds an empty installation.
 */
export const FIRST_ITEMS: ReadonlyArray<{ dimension: Dimension; de: string; en: string }> = [
  { dimension: 'leadership', de: 'Unsere Leitung hat Vielfalt als Ziel schriftlich festgehalten.', en: 'Our leadership has put diversity in writing as a goal.' },
  { dimension: 'leadership', de: 'Eine benannte Person ist für das Thema zuständig und hat Zeit dafür.', en: 'A named person is responsible for the topic and has time for it.' },
  { dimension: 'leadership', de: 'Wir wissen aus eigenen Zahlen, wen wir erreichen und wen nicht.', en: 'We know from our own figures whom we reach and whom we do not.' },
  { dimension: 'opening', de: 'Neue Mitarbeitende und Ehrenamtliche lernen, wie wir mit Vielfalt umgehen.', en: 'New staff and volunteers learn how we deal with diversity.' },
  { dimension: 'opening', de: 'Wer Benachteiligung erlebt, weiß, an wen er oder sie sich bei uns wenden kann.', en: 'Anyone who experiences unfair treatment knows whom to turn to with us.' },
  { dimension: 'opening', de: 'Wir prüfen unsere Regeln und Abläufe darauf, ob sie jemanden ausschließen.', en: 'We check our rules and routines for whether they exclude anyone.' },
  { dimension: 'access', de: 'Wichtige Informationen gibt es in mehreren Sprachen oder in einfacher Sprache.', en: 'Important information is available in several languages or in plain language.' },
  {
    dimension: 'access',
    de: 'Unsere Angebote sind zu Zeiten und an Orten, die auch Berufstätige und Familien erreichen.',
    en: 'Our offers take place at times and places that working people and families can reach.',
  },
  { dimension: 'access', de: 'Wir fragen nach, warum bestimmte Gruppen unsere Angebote nicht nutzen.', en: 'We ask why certain groups do not use our offers.' },
  { dimension: 'work', de: 'Stellen und Ehrenämter schreiben wir so aus, dass sich viele angesprochen fühlen.', en: 'We advertise jobs and volunteer roles so that many people feel addressed.' },
  { dimension: 'work', de: 'Im Ausland erworbene Abschlüsse und Erfahrungen werden bei uns anerkannt.', en: 'Qualifications and experience gained abroad count with us.' },
  { dimension: 'work', de: 'Unser Team spiegelt die Bevölkerung vor Ort wider, auch in leitenden Aufgaben.', en: 'Our team reflects the local population, in leading roles too.' },
  { dimension: 'engagement', de: 'Menschen mit Einwanderungsgeschichte gestalten unsere Angebote mit.', en: 'People with an immigration history help shape our offers.' },
  { dimension: 'engagement', de: 'In unseren Gremien entscheiden unterschiedliche Gruppen mit.', en: 'Different groups take part in decisions in our boards.' },
  { dimension: 'engagement', de: 'Wir arbeiten mit Migrantenorganisationen auf Augenhöhe zusammen.', en: 'We work with migrant organisations as equal partners.' },
  { dimension: 'encounter', de: 'Wir schaffen Anlässe, bei denen sich Alteingesessene und Zugezogene begegnen.', en: 'We create occasions where long-time residents and newcomers meet.' },
  { dimension: 'encounter', de: 'Unsere Räume stehen auch anderen Gruppen für Treffen offen.', en: 'Our rooms are open to other groups for meetings.' },
  {
    dimension: 'encounter',
    de: 'Wir feiern und gestalten Feste gemeinsam mit Partnern aus der Nachbarschaft.',
    en: 'We plan and celebrate festivities together with partners from the neighbourhood.',
  },
  { dimension: 'communication', de: 'Unsere Bilder und Texte zeigen die Vielfalt der Menschen vor Ort.', en: 'Our pictures and texts show the diversity of the local people.' },
  {
    dimension: 'communication',
    de: 'Bei Konflikten haben wir einen vereinbarten Weg, sie anzusprechen und zu lösen.',
    en: 'When conflicts arise we have an agreed way of raising and resolving them.',
  },
  { dimension: 'communication', de: 'Wir reagieren öffentlich, wenn Menschen bei uns abgewertet werden.', en: 'We respond publicly when people are put down in our setting.' },
];
