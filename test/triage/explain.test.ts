/** --explain names every criterion with its source; --format mermaid draws every node and edge. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { loadProfile } from '../../src/profile/load.js';
import { explainTree, treeJson } from '../../src/triage/explain.js';
import { readTree, treeOf } from '../../src/triage/load.js';
import { mermaidTree } from '../../src/triage/mermaid.js';
import { replay } from '../../src/triage/walk.js';

afterEach(() => setLang('nl'));
const zl = loadProfile({ region: 'zuid-limburg' });
const nog = loadProfile({ region: 'noord-oost-gelderland' });

describe('--explain', () => {
  it('Zuid-Limburg: crisis, GI, triagetafel and every criterion of the §5.1 table, with sources', () => {
    const text = explainTree(zl, treeOf(zl), { color: false });
    for (const phrase of [
      'crisishulp jeugd',
      'Binnen kantoortijden',
      'eerstvolgende werkdag',
      'gezinsvoogd/gecertificeerde instelling',
      'in cc naar de gemeente',
      'triagetafel',
      'HP 7.5.1.1', // Voorwaarden & Vervolg
      'HP 7.5.1.2', // Onderzoek
      'HP 7.5.2', // lokale veld
      'HP 7.5.3', // lopende hulpverlening
      'HP 7.5.4', // multidisciplinair team
      'HP 7.5.5', // directbetrokkene
      'HP 7.5.6', // einde bemoeienis
      'Zorg- en Veiligheidshuis',
      'MDA++',
      'Uitkomst: Voorwaarden & Vervolg (voorwaarden_en_vervolg)',
      'Uitkomst: Onderzoek (onderzoek)',
      'Uitkomst: directe overdracht lokale veld (overdracht_lokaal_veld)',
      'Uitkomst: overdracht lopende hulpverlening (overdracht_lopende_hulpverlening)',
      'Uitkomst: overdracht multidisciplinair team (overdracht_multidisciplinair)',
      'Uitkomst: overdracht directbetrokkene (overdracht_directbetrokkene)',
      'Uitkomst: overdracht GI (gezinsvoogd) (overdracht_gi)',
      'Uitkomst: einde bemoeienis (geen_vervolg)',
      'Bron: 000 Bijlage 3a.8 — Samenwerkingsafspraken Veilig Thuis – gemeenten Zuid-Limburg',
      '“Anonieme meldingen worden besproken op de triage-tafel',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    // every node is printed with its source
    expect(text.match(/^\s+Bron: /gm)?.length).toBe(treeOf(zl).nodes.size);
  });

  it('Noord Oost Gelderland: the nine tenzij bullets (eleven conditions) and both services', () => {
    const text = explainTree(nog, treeOf(nog), { color: false });
    for (let i = 1; i <= 9; i++) expect(text).toContain(`Bron: 001 §1, tenzij ${i}`);
    for (const phrase of [
      'geen (extra) hulp of bemoeienis van buitenaf nodig',
      'melder anoniem',
      'acuut bedreigd',
      'structurele onveiligheid',
      'multiproblematische leefsituatie',
      // the seed's own (double-negative) words stay in the quote under the plain question
      '“onvoldoende duidelijk is of er sprake is van huiselijk geweld of kindermishandeling,”',
      'Is al voldoende duidelijk of er sprake is van huiselijk geweld of kindermishandeling?',
      'Heeft het gezin (extra) hulp of bemoeienis van buitenaf nodig?',
      'hulp of bemoeienis van buitenaf afwijst',
      'letsel',
      'ongeboren kind',
      'acute psychiatrie',
      'strafbare kindermishandeling',
      'eergerelateerd geweld',
      'stalking',
      'Uitkomst: Voorwaarden & Vervolg',
      'Uitkomst: Onderzoek',
      'Uitkomst: directe overdracht lokale veld',
      'Uitkomst: einde bemoeienis',
      'telefonisch contact',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('English', () => {
    setLang('en');
    const text = explainTree(nog, treeOf(nog), { color: false });
    expect(text).toContain('[letsel] Question: Is there injury?');
    expect(text).toContain('Source: 001 §1, tenzij 6');
  });

  it('as JSON: every node with its id, in file order', () => {
    const j = treeJson(zl, treeOf(zl)) as { tree: { start: string; nodes: { id: string; kind: string }[] } };
    expect(j.tree.start).toBe('crisis');
    expect(j.tree.nodes.map((n) => n.id)).toEqual([...treeOf(zl).nodes.keys()]);
  });
});

describe('--format mermaid', () => {
  it('draws every question as a diamond, every answer as an edge and every outcome as a box', () => {
    const tree = treeOf(zl);
    const m = mermaidTree(tree);
    expect(m.split('\n')[0]).toBe('flowchart TD');
    const questions = [...tree.nodes.values()].filter((n) => n.kind === 'question');
    const answers = questions.reduce((s, q) => s + (q.kind === 'question' ? q.answers.length : 0), 0);
    const steps = [...tree.nodes.values()].filter((n) => n.kind === 'step').length;
    expect(m.match(/^ +n_\w+\{"/gm)?.length).toBe(questions.length);
    expect(m.match(/ -->/g)?.length).toBe(answers + steps);
    expect(m).toContain('\n    n_crisis{"Vermoeden van crisis?"}');
    expect(m).toContain('  n_crisis -->|"Ja"| n_crisis_kantoortijd');
    expect(m).toContain('  n_triagetafel[/"Triagetafel"/]');
    expect(m).toContain('  n_uitkomst_gi[["overdracht GI (gezinsvoogd)"]]');
    expect(m).not.toContain('linkStyle');
  });

  it('with replayed answers the path taken is drawn bold', () => {
    const tree = treeOf(nog);
    const { walk } = replay(tree, { hulp_nodig: 'ja', anoniem: 'ja', dienst: 'nee' });
    const m = mermaidTree(tree, walk);
    expect(m).toContain('  class n_telefonisch_contact,n_hulp_nodig,n_anoniem,n_dienst,n_uitkomst_vv taken');
    const link = m.split('\n').find((l) => l.startsWith('  linkStyle'));
    expect(link?.split(' ')[3].split(',')).toHaveLength(4); // step → hulp_nodig, ja, ja, nee
  });

  it("draws the tree's sections as subgraphs, every node in its own", () => {
    const tree = treeOf(zl);
    const m = mermaidTree(tree);
    expect(tree.sections?.map((s) => s.id)).toEqual(['crisis', 'toegang', 'criteria', 'dienst']);
    expect(m).toContain('\n  subgraph s_crisis["Crisis (Bijlage 3a.2–3)"]\n    n_crisis{"Vermoeden van crisis?"}\n    n_crisis_kantoortijd{');
    expect(m.match(/^ {2}subgraph /gm)).toHaveLength(4);
    expect(m.match(/^ {2}end$/gm)).toHaveLength(4);
    // every node is drawn once, inside a subgraph (both bundled trees put every node in a section)
    for (const t of [treeOf(zl), treeOf(nog)]) {
      const all = mermaidTree(t);
      for (const id of t.nodes.keys()) expect(all.match(new RegExp(`^ {4}n_${id}[{[(]`, 'gm')), id).toHaveLength(1);
    }
  });

  it('--direction LR and --section: one part left to right, its exits to other sections as dashed stubs', () => {
    const tree = treeOf(nog);
    const m = mermaidTree(tree, undefined, { direction: 'LR', section: 'dienst' });
    expect(m).toBe(
      [
        'flowchart LR',
        '  subgraph s_dienst["Dienst van Veilig Thuis: Onderzoek of Voorwaarden en Vervolg"]',
        '    n_dienst{"Onduidelijk of geen medewerking?"}',
        '    n_uitkomst_vv[["Voorwaarden & Vervolg"]]',
        '    n_uitkomst_onderzoek[["Onderzoek"]]',
        '  end',
        '  n_dienst -->|"Ja: Onderzoek"| n_uitkomst_onderzoek',
        '  n_dienst -->|"Nee: Voorwaarden en Vervolg"| n_uitkomst_vv',
        '  classDef step fill:#e3f2fd,stroke:#1565c0',
        '  classDef outcome fill:#e8f5e9,stroke:#2e7d32,font-weight:bold',
        '  class n_uitkomst_vv,n_uitkomst_onderzoek outcome',
        '',
      ].join('\n'),
    );
    const contact = mermaidTree(tree, undefined, { section: 'contact' });
    expect(contact.split('\n')[0]).toBe('flowchart TD');
    // hulp_nodig: Ja leads on to the anonymity question of the tenzij section
    expect(contact).toContain('\n  n_anoniem("→ Melder anoniem? (De uitzonderingen op de directe overdracht (001 §1, tenzij 2–9))")\n');
    expect(contact).toContain('\n  n_hulp_nodig -->|"Ja, er is hulp of bemoeienis nodig"| n_anoniem\n');
    expect(contact).toContain('\n  class n_anoniem elsewhere\n');
    expect(contact).not.toContain('n_letsel');
    // with a replayed walk, only the drawn part is marked
    const { walk } = replay(tree, { hulp_nodig: 'ja', anoniem: 'ja', dienst: 'nee' });
    const slide = mermaidTree(tree, walk, { section: 'dienst' });
    expect(slide).toContain('  class n_dienst,n_uitkomst_vv taken');
    expect(slide).toContain('  linkStyle 1 stroke:#c62828,stroke-width:3px');
  });

  it('escapes quotes and angle brackets in labels', () => {
    const { tree } = readTree(
      't.yaml',
      `version: "1"
title: { nl: T, en: T }
start: q
nodes:
  q:
    kind: question
    question: { nl: 'Zegt het kind "au" bij <aanraking>?', en: x }
    help: { nl: h, en: h }
    source: { document: "000", section: "§1" }
    answers:
      - { id: ja, label: { nl: Ja, en: "Yes" }, next: end }
      - { id: nee, label: { nl: Nee, en: "No" }, next: end }
  end:
    kind: outcome
    route: geen_vervolg
    source: { document: "000", section: "§1" }
`,
    );
    const m = mermaidTree(tree!);
    expect(m).toContain('  n_q{"Zegt het kind #quot;au#quot; bij #lt;aanraking#gt;?"}');
    expect(m).toContain('  n_q -->|"Ja"| n_end');
  });
});
