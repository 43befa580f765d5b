// The shell's renderers and the neutral views share one rule for catalogue markup.
export { stripMarkup } from '../../i18n/strip-markup.ts';
