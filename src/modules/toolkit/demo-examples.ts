/** The demo's good-practice examples: what a town did, told as problem → approach → result → lessons; `cards` are indexes into DEMO_CARDS. */
export interface DemoExample {
  title: string;
  problem: string;
  approach: string;
  result: string;
  lessons: string;
  cards: number[];
}

export const DEMO_EXAMPLES: DemoExample[] = [
  {
    title: 'Vom Sprachcafé zum Nachbarschaftsnetz',
    problem: 'Viele Neuzugewanderte besuchten Sprachkurse, hatten aber kaum Gelegenheit, im Alltag Deutsch zu sprechen. Ehrenamtliche wollten helfen, wussten aber nicht wie.',
    approach: 'Die Stadtbücherei öffnete einmal pro Woche ein Sprachcafé. Ehrenamtliche wurden in einer kurzen Schulung vorbereitet, Themenkarten halfen beim Einstieg.',
    result: 'Nach einem Jahr kamen regelmäßig 30 bis 40 Menschen. Aus dem Café entstanden zwei Nachbarschaftsgruppen, die sich selbst organisieren.',
    lessons: 'Ein fester Ort und eine feste Zeit sind wichtiger als ein ausgefeiltes Programm. Die Ehrenamtlichen brauchen einen Ansprechpartner in der Verwaltung.',
    cards: [0, 7],
  },
  {
    title: 'Eltern als Brücke zur Schule',
    problem: 'An drei Grundschulen kamen Eltern mit Einwanderungsgeschichte kaum zu Elternabenden. Lehrkräfte erreichten sie nur über die Kinder.',
    approach: 'Zwölf Mütter und Väter wurden als Elternlotsinnen und -lotsen geschult. Sie begleiteten Elternabende und übersetzten bei Gesprächen.',
    result: 'Die Teilnahme an Elternabenden verdoppelte sich. Die Schulen haben die Lotsinnen fest in ihre Jahresplanung aufgenommen.',
    lessons: 'Die Lotsinnen brauchen eine kleine Aufwandsentschädigung und regelmäßigen Austausch untereinander.',
    cards: [1],
  },
  {
    title: 'Ein Stadtfest, das alle gestalten',
    problem: 'Das bisherige Stadtfest wurde von wenigen Vereinen getragen; Migrantenorganisationen fühlten sich nicht eingeladen.',
    approach: 'Ein Vorbereitungskreis aus 15 Vereinen plante das Fest gemeinsam. Jede Gruppe gestaltete einen Mitmachstand, die Stadt übernahm Technik und Genehmigungen.',
    result: 'Rund 4.000 Besucherinnen und Besucher, sechs neue Vereine im Vorbereitungskreis und eine gemeinsame Vereinsbörse im Herbst.',
    lessons: 'Früh anfangen und die Entscheidungen wirklich im Kreis treffen, nicht im Rathaus.',
    cards: [2, 4],
  },
  {
    title: 'Interkulturelle Kompetenz in der Verwaltung',
    problem: 'Beschäftigte im Bürgerbüro berichteten von Missverständnissen und Konflikten am Schalter.',
    approach: 'Eine Schulungsreihe in vier Modulen für alle Beschäftigten mit Kundenkontakt, ergänzt um Formulare in Leichter Sprache.',
    result: 'Weniger Beschwerden, kürzere Gespräche und ein Leitfaden für mehrsprachige Auskünfte.',
    lessons: 'Die Führungskräfte müssen selbst teilnehmen, sonst gilt die Schulung als Pflichtübung.',
    cards: [3, 19],
  },
  {
    title: 'Aktionswochen mit Schulen und Vereinen',
    problem: 'Zum Internationalen Tag gegen Rassismus gab es nur vereinzelte Veranstaltungen, die wenig Aufmerksamkeit fanden.',
    approach: 'Die Koordinierungsstelle bündelte die Angebote von Schulen, Vereinen und Verwaltung zu zwei Aktionswochen mit gemeinsamem Programmheft.',
    result: '28 Veranstaltungen mit über 1.500 Teilnehmenden; die Anlaufstelle Antidiskriminierung wurde bekannter.',
    lessons: 'Ein gemeinsames Programmheft und eine zentrale Anmeldung machen die Vielfalt der Angebote sichtbar.',
    cards: [5, 13],
  },
  {
    title: 'Willkommen im Quartier',
    problem: 'Neuzugezogene Familien fanden sich im Quartier schwer zurecht und kannten die Angebote vor Ort nicht.',
    approach: 'Eine mehrsprachige Willkommensmappe und monatliche Stadtteilspaziergänge mit Nachbarinnen und Nachbarn.',
    result: 'Über 200 Mappen verteilt, die Spaziergänge sind ein fester Termin im Quartier.',
    lessons: 'Die Mappe muss jährlich aktualisiert werden; dafür braucht es eine verantwortliche Stelle.',
    cards: [6, 14],
  },
  {
    title: 'Zukunftswerkstatt für die Integrationsstrategie',
    problem: 'Die Strategie sollte nicht nur im Rathaus geschrieben werden, doch Beteiligungsformate erreichten bisher vor allem ältere Alteingesessene.',
    approach: 'Drei Zukunftswerkstätten in verschiedenen Stadtteilen, gezielte Einladung über Vereine und ein Jugendforum.',
    result: 'Über 60 Ideen, von denen zwölf als Maßnahmen in die Strategie aufgenommen wurden.',
    lessons: 'Kinderbetreuung und Dolmetschen machen den Unterschied bei der Beteiligung.',
    cards: [10, 17],
  },
  {
    title: 'Gesundheitslotsen in der Kommune',
    problem: 'Zugewanderte nutzten Vorsorgeangebote selten, oft aus Unkenntnis des Gesundheitssystems.',
    approach: 'Geschulte Gesundheitslotsen informierten in Vereinen und Gemeinden in mehreren Sprachen über Vorsorge und Versorgung.',
    result: '45 Informationsveranstaltungen im ersten Jahr; Arztpraxen berichten von mehr Vorsorgeterminen.',
    lessons: 'Die Zusammenarbeit mit dem Gesundheitsamt von Anfang an sichert die fachliche Qualität.',
    cards: [16],
  },
];
