/**
 * The yaml library's parse errors of a profile, mapping, triage tree or answers file, one text per
 * error code (yaml's `ErrorCode`), so that a broken file is explained in the run's language. The
 * library's own message is English and may quote the file; these say what is wrong without it
 * (the line and column say where). Also the one text for a file that cannot be read for a reason
 * without a next step of its own (Node's message is English).
 */
import { registerCatalog } from '../index.js';

const nl = {
  'yaml.code.ALIAS_PROPS': 'een alias (*naam) mag geen anker of tag hebben',
  'yaml.code.BAD_ALIAS': 'ongeldige alias of anker (leeg, of eindigend op een dubbele punt)',
  'yaml.code.BAD_DIRECTIVE': 'ongeldige YAML-directive (een regel die met % begint)',
  'yaml.code.BAD_DQ_ESCAPE': 'ongeldige escape met \\ tussen dubbele aanhalingstekens',
  'yaml.code.BAD_INDENT': 'inspringing klopt niet (items van één lijst of map moeten even ver inspringen)',
  'yaml.code.BAD_PROP_ORDER': 'anker of tag staat op de verkeerde plek',
  'yaml.code.BAD_SCALAR_START': 'een waarde zonder aanhalingstekens mag niet met dit teken beginnen; zet de waarde tussen aanhalingstekens',
  'yaml.code.BLOCK_AS_IMPLICIT_KEY': 'een lijst of map op de plek van een key; staat er een dubbele punt te veel op deze regel? Zet een waarde met ": " tussen aanhalingstekens',
  'yaml.code.BLOCK_IN_FLOW': 'een ingesprongen blok binnen [ ] of { } is niet toegestaan',
  'yaml.code.DUPLICATE_KEY': 'dubbele key',
  'yaml.code.IMPOSSIBLE': 'het bestand is geen leesbare YAML op deze plek',
  'yaml.code.KEY_OVER_1024_CHARS': 'key langer dan 1024 tekens',
  'yaml.code.MISSING_CHAR': 'er ontbreekt een teken: een sluitend aanhalingsteken, de dubbele punt na een key, een komma of een spatie',
  'yaml.code.MULTILINE_IMPLICIT_KEY': 'een key moet op één regel staan; ontbreekt er een dubbele punt of een sluitend aanhalingsteken op een regel hierboven?',
  'yaml.code.MULTIPLE_ANCHORS': 'een waarde kan maar één anker hebben',
  'yaml.code.MULTIPLE_DOCS': 'het bestand bevat meer dan één YAML-document (---); giacheck leest er één',
  'yaml.code.MULTIPLE_TAGS': 'een waarde kan maar één tag hebben',
  'yaml.code.NON_STRING_KEY': 'een key moet tekst zijn, geen lijst of map',
  'yaml.code.RESOURCE_EXHAUSTION': 'het bestand vraagt te veel geheugen (te veel aliassen)',
  'yaml.code.TAB_AS_INDENT': 'inspringen met een tab is niet toegestaan; gebruik spaties',
  'yaml.code.TAG_RESOLVE_FAILED': 'onbekende tag (!…) of een waarde die niet bij haar tag past',
  'yaml.code.UNEXPECTED_TOKEN': 'onverwacht teken; controleer aanhalingstekens, haakjes en inspringing',
  'yaml.code.BAD_COLLECTION_TYPE': 'tag past niet bij een lijst of map',
  'yaml.code.other': 'ongeldige YAML',
  'yaml.aliasBomb': 'het bestand gebruikt te veel aliassen (meer dan {max}); zo\'n bestand wordt niet gelezen',
  'yaml.unresolvedAlias': 'alias zonder anker: het anker (&naam) moet vóór de alias (*naam) staan',
  'file.unreadable': '{file}: kan het bestand niet lezen ({code}); controleer het pad en de rechten',
};

const en: Record<keyof typeof nl, string> = {
  'yaml.code.ALIAS_PROPS': 'an alias node (*name) must not have an anchor or tag',
  'yaml.code.BAD_ALIAS': 'invalid alias or anchor (empty, or ending in a colon)',
  'yaml.code.BAD_DIRECTIVE': 'invalid YAML directive (a line starting with %)',
  'yaml.code.BAD_DQ_ESCAPE': 'invalid \\ escape in double quotes',
  'yaml.code.BAD_INDENT': 'the indentation is wrong (the items of one list or map must start at the same column)',
  'yaml.code.BAD_PROP_ORDER': 'an anchor or tag is in the wrong place',
  'yaml.code.BAD_SCALAR_START': 'a value without quotes cannot start with this character; put the value in quotes',
  'yaml.code.BLOCK_AS_IMPLICIT_KEY': 'a list or map where a key should be; is there a colon too many on this line? Put a value with ": " in quotes',
  'yaml.code.BLOCK_IN_FLOW': 'an indented block inside [ ] or { } is not allowed',
  'yaml.code.DUPLICATE_KEY': 'Map keys must be unique',
  'yaml.code.IMPOSSIBLE': 'the file is no readable YAML here',
  'yaml.code.KEY_OVER_1024_CHARS': 'key longer than 1024 characters',
  'yaml.code.MISSING_CHAR': 'a character is missing: a closing quote, the colon after a key, a comma or a space',
  'yaml.code.MULTILINE_IMPLICIT_KEY': 'a key must be on one line; is a colon or a closing quote missing on a line above?',
  'yaml.code.MULTIPLE_ANCHORS': 'a node can have at most one anchor',
  'yaml.code.MULTIPLE_DOCS': 'the file holds more than one YAML document (---); giacheck reads one',
  'yaml.code.MULTIPLE_TAGS': 'a node can have at most one tag',
  'yaml.code.NON_STRING_KEY': 'a key must be text, not a list or map',
  'yaml.code.RESOURCE_EXHAUSTION': 'the file asks for too much memory (too many aliases)',
  'yaml.code.TAB_AS_INDENT': 'tabs are not allowed as indentation; use spaces',
  'yaml.code.TAG_RESOLVE_FAILED': 'unknown tag (!…) or a value that does not fit its tag',
  'yaml.code.UNEXPECTED_TOKEN': 'unexpected character; check quotes, brackets and indentation',
  'yaml.code.BAD_COLLECTION_TYPE': 'the tag does not fit a list or map',
  'yaml.code.other': 'invalid YAML',
  'yaml.aliasBomb': 'the file uses too many aliases (more than {max}); such a file is not read',
  'yaml.unresolvedAlias': 'alias without anchor: the anchor (&name) must come before the alias (*name)',
  'file.unreadable': '{file}: cannot read the file ({code}); check the path and the permissions',
};

export const yaml = { nl, en };
registerCatalog(yaml);
