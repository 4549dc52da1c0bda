/**
 * General English word lists that the name, quote and event rules rely on. They describe how
 * news prose is written (titles, roles, speech verbs, institution heads), never who is who:
 * names belong in content/knowledge.
 */
import { foldName } from './tokens.ts';

/** A word list as the tokens' keys spell words: lower case, marks folded ("compañía" → "compania"). */
function words(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/).map(foldName));
}

/** Capitalised titles that may stand before a person's name and belong to the surface. */
export const TITLES = words(`
  president vice prime minister foreign defense defence interior chancellor king queen prince princess sheikh emir sultan pope
  general gen colonel col senator governor mayor mr mrs ms dr professor prof spokesman spokeswoman chairman chairwoman
  ambassador secretary premier speaker judge justice deputy director chief commander admiral marshal patriarch archbishop
  bishop majesty highness
`);

/** Role nouns that introduce a person's name ("political scientist X", "X, a journalist"). */
export const ROLES = words(`
  scientist analyst journalist expert researcher commentator spokesman spokeswoman spokesperson deputy mp minister president
  ruler chairman chairwoman head director professor general ambassador leader official lawmaker senator governor mayor writer
  historian economist diplomat editor correspondent reporter activist blogger lawyer politician colleague businessman
  businesswoman author observer adviser advisor envoy chief secretary member founder ceo coach player singer actor actress
  artist doctor judge prosecutor officer commander student teacher scholar pundit host presenter boxer footballer candidate
  premier chancellor king queen prince sheikh emir general colonel captain lieutenant sergeant manager chair strategist
  specialist sociologist philosopher psychologist engineer physician nurse farmer investor banker owner striker goalkeeper
  midfielder defender architect novelist biologist negotiator executive representative campaigner organiser organizer
  mediator delegate aide fellow commissioner regulator lead secretary-general vice-president co-founder
  advocate counsel attorney solicitor barrister partner neighbour neighbor friend wife husband son daughter mother
  father brother sister cousin uncle aunt grandmother grandfather widow resident herder fisherman worker shopkeeper
  driver volunteer survivor witness pensioner tenant landlord parent justice superintendent sheriff inspector councillor
  councilor dean rector principal treasurer chairperson administrator detective substitute machinist fisherwoman
  trucker spinner bowler batsman batter all-rounder schoolteacher captain
`);

/** Whether a lowercase word names a role: listed, or formed like one ("biologist", "historian"). */
export function isRoleWord(word: string): boolean {
  // Suffixes of roles only, so that first names ("Christian", "Florian", "Sebastian") are not roles.
  return (
    ROLES.has(word) ||
    (word.endsWith('s') && ROLES.has(word.slice(0, -1))) ||
    /^[a-z]{4,}ist$|^[a-z]{3,}(?:ician|orian|arian|ologian|edian)$/.test(word)
  );
}

/** Verbs of saying and thinking that attach a name or pronoun to what it says. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds noted notes stressed stresses argued argues explained explains claimed claims stated
  states wrote writes believes believe believed recalled recalls recalling concluded concludes warned warns insisted insists
  emphasized emphasised emphasizes emphasises highlighted highlights agrees agreed summarizes summarized summarises summarised
  asserted asserts acknowledged admitted announced announces declared declares suggested suggests thinks thought commented
  comments remarked remarks observed observes pointed continued continues replied replies answered answers asked asks
  echoed echoes views viewed considers considered maintains maintained urged urges confirmed confirms denied denies
  expressed expresses reiterated reiterates tweeted posted according
`);

/** Personal pronouns that may stand for the speaker last named. */
export const SPEAKER_PRONOUNS = words('he she they him her');

/** Head words of institution names ("… Ministry", "… Center for …"). */
export const ORG_HEADS = words(`
  ministry office service agency center centre club council committee parliament duma assembly court party union bank
  university institute academy corporation company airlines airline forces army navy police government commission
  foundation fund organization organisation association federation front movement corps guard network channel news
  times post tribune herald gazette journal radio tv television press agency bureau department directorate administration
  cabinet senate congress inc ltd group holdings authority secretariat chamber capital partners labs systems technologies
  industries motors airways petroleum mining resources ventures trust society collective alliance coalition
  elementary school college hospital clinic semiconductors electronics pharmaceuticals logistics shipping telecom
  telecoms insurance securities investments properties construction engineering automotive
  corp plc llc metals minerals project initiative programme forum observatory laboratory laboratories exchange board
  tribunal wire observer chronicle courier dispatch daily weekly
  compañía companhia compagnie empresa grupo banco instituto universidad universidade université ministerio ministério
  ministère fundación fundação fondation asociación associação sindicato frente partido comisión comissão consejo
  conselho conseil corporación sociedad société cámara movimiento movimento confederación federación colectivo
  coordinadora defensoría fiscalía contraloría procuraduría superintendencia
  pt tbk pte sdn bhd ag gmbh nv bv asa oyj spa srl jsc pjsc ojsc llp management sekuritas advisors advisory
  consulting brokerage
`);

/** Last words that make a capitalised run a document, a rule or a notice, never a person ("Privacy Notice"). */
export const DOCUMENT_HEADS = words(`
  act law treaty regulation directive accord agreement convention charter protocol notice policy declaration
  constitution bill code
`);

/** Heads that make an institution a medium rather than an organisation. */
export const MEDIA_HEADS = words(
  'news times post tribune herald gazette journal radio tv television channel press wire observer chronicle courier dispatch daily weekly',
);

/** Words that institution names share; a name made only of these needs a country to be specific. */
export const GENERIC_INSTITUTION_WORDS = words(`
  foreign affairs internal state security national federal general prosecutor armed public central supreme high higher
  defense defence interior justice health education finance economy economic presidential administration military border
  emergency emergencies of the for and on main investigative intelligence special information cultural culture
  energy trade transport transportation agriculture labor labour commerce treasury homeland environment mines mining
  fisheries forestry water tourism
`);

/** Prepositions after which a capital city names the place, not the state ("in Baku"). */
// "to" is left out: "signalling to Moscow" and "loyal to Baku" address the state far more often than the city.
export const LOCATIVES = words(
  'in at near from into via through over across outside inside around within',
);

/** Words that a capitalised sentence opener can be without starting a name. */
export const FUNCTION_WORDS = words(`
  the a an in on at for of to from by with as and but or nor so yet if when while since after before although though because
  however meanwhile nevertheless additionally ultimately thus notably later also despite whether overall theoretically
  specifically geopolitically naturally unsurprisingly recently commenting according among behind other further another
  several many some both each every all any its their his her our this that these those such no not now then here there
  it he she they we you i what which who whom whose where why how during under until unless until once even just only
  independent former retired official local political russian-backed first last new recent major senior top
  outside inside across around beyond near into onto over through throughout toward towards upon via within without
  against amid amidst following is are was were does did has have had should could would
`);

/** Words that qualify a place without making another name ("Eastern Ukraine", "Greater London"). */
export const DIRECTION_WORDS = words(`
  north south east west northern southern eastern western central greater upper lower inner outer occupied
`);

/** Lowercase particles that stand inside a person's name ("Pieter van Wyk", "Osama bin Laden"). */
export const NAME_PARTICLES = words('de da di del der van von al el bin ibn la le du ter');

/** Month and weekday names, which are capitalised but never part of a person's name. */
export const CALENDAR_WORDS = words(`
  january february march april may june july august september october november december monday tuesday wednesday thursday
  friday saturday sunday
`);

/** Canonical names of institutions that are written two ways ("Foreign Ministry", "Ministry of Foreign Affairs"). */
export const INSTITUTION_SYNONYMS: Array<[RegExp, string]> = [
  [
    /^(?:foreign ministry|ministry of foreign affairs|foreign affairs ministry)$/i,
    'Ministry of Foreign Affairs',
  ],
  [
    /^(?:interior ministry|ministry of internal affairs|ministry of (?:the )?interior|internal affairs ministry)$/i,
    'Ministry of Internal Affairs',
  ],
  [/^(?:defen[cs]e ministry|ministry of defen[cs]e)$/i, 'Ministry of Defence'],
  [/^(?:justice ministry|ministry of justice)$/i, 'Ministry of Justice'],
];
