/** French and English stop words, folded (no accents). Pure data. */
const FR =
  "parmi a au aux ca avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y ete etre avoir ont est sont etait etaient sera seront aussi comme plus moins tres tout tous toute toutes fait faire selon entre depuis sans sous vers chez dont ainsi donc alors apres avant lors cela ceci celui celle ceux celles quel quelle quels quelles quoi comment pourquoi quand combien est-ce si ni car va vont ira iront aller fera feront fait faite faits font tenu tenue tient tiennent se s lieu or deja encore afin lequel laquelle lesquels auxquels duquel ci la-bas ici autre autres son sa ses peut peuvent doit doivent avait avaient aura auront ayant etant fut sont-ils y-a-t-il t";
const EN =
  "including still already yet a an the and or but of to in on at by for with from as is are was were be been being have has had do does did this that these those it its they them their there here what which who whom whose when where why how than then so such not no nor can could would should will shall may might must about into over under again further once all any both each few more most other some own same too very s just also take takes took place held happen happened happens get got i me my we our you your he him his she her between after among during before across through toward towards besides against since per every several itself ever nobody rather apart behind having become became came come going make made gave see taken way like able out one within without only";
/** Question words that say what is asked but are not content to match. */
const QUESTION =
  "qui quoi quel quelle quels quelles ou quand comment pourquoi combien what who whom which where when why how much many does did do dit dire explain explique actuel actuelle actuels actuelles actuellement current currently exact exacte exacts exactes exactement precis precise precises precisement precision precisions detail details exactly precisely";

/** Greetings and politeness: a message made only of them asks nothing. */
const COURTESY = "bonjour bonsoir salut coucou merci svp stp plait hello hi hey thanks thank please";

export const STOPWORDS: ReadonlySet<string> = new Set(`${FR} ${EN} ${QUESTION} ${COURTESY}`.split(/\s+/).filter(Boolean));
