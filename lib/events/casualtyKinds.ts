/**
 * How a reported number relates to the real one, in the source's own terms: `exact` ("three lives"), `at-least`
 * ("at least four killed"), `more-than` ("more than 1,400") or `about` ("about 30", "some 30", "nearly 30").
 * Kept apart from the schema so that browser code can name them without the validation library.
 */
export const CASUALTY_QUALIFIERS = ['exact', 'at-least', 'more-than', 'about'] as const;
export type CasualtyQualifier = (typeof CASUALTY_QUALIFIERS)[number];

/** The parts a figure may be broken down into, as the source reports them. Children may overlap the other two. */
export const CASUALTY_BREAKDOWN = ['civilians', 'military', 'children'] as const;
export type CasualtyPart = (typeof CASUALTY_BREAKDOWN)[number];

/** The figures of an event's casualties. */
export const CASUALTY_FIGURES = ['killed', 'injured'] as const;
