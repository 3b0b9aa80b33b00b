/** Answer wording in French and English. Pure data and formatting. */

export type Lang = "fr" | "en";

/**
 * Wraps a verbatim text in the quotation marks of a language (French by default), never
 * guillemets around a text that holds some.
 */
export function quote(text: string, lang: Lang = "fr"): string {
  return lang === "en" || text.includes("«") ? `“${text}”` : `« ${text} »`;
}

export const TEXT = {
  fr: {
    leadOne: (title: string, place: string | null) => `Selon le communiqué « ${title} »${place ? ` (${place})` : ""}`,
    leadMany: (titles: string[]) => `Selon les communiqués ${titles.join(" et ")}`,
    titleRef: (title: string) => `« ${title} »`,
    leadEnd: " :",
    notFound: "Je ne trouve pas la réponse à cette question dans les communiqués de l'OIM dont je dispose.",
    empty: "Posez une question sur les activités de l'OIM, par exemple sur un atelier, un accord ou une publication.",
    personal:
      "Je réponds à partir des communiqués de presse de l'OIM, qui ne donnent pas de conseil sur une démarche ou une situation personnelle. Pour une démarche, adressez-vous au bureau de l'OIM de votre pays ou aux autorités compétentes.",
    opinion:
      "Je n'ai pas d'opinion à donner : je rapporte ce que disent les communiqués de presse de l'OIM. Demandez-moi par exemple ce que l'OIM a fait ou déclaré sur ce sujet.",
    task: "Je réponds aux questions sur les communiqués de presse de l'OIM en les citant ; je ne rédige pas d'autres textes. Posez-moi par exemple une question sur une opération ou une publication de l'OIM.",
    llmFailed: "Le modèle de langage n'a pas répondu ; réponse extractive à la place.",
    uncited: "Une partie de la réponse ne s'appuie sur aucune source citée : vérifiez-la dans les communiqués.",
  },
  en: {
    leadOne: (title: string, place: string | null) =>
      `According to the IOM release “${title}”${place ? ` (${place})` : ""}`,
    leadMany: (titles: string[]) => `According to the IOM releases ${titles.join(" and ")}`,
    titleRef: (title: string) => `“${title}”`,
    leadEnd: " (quoted in French):",
    notFound: "I could not find the answer to this question in the IOM press releases I have.",
    empty: "Ask a question about IOM's activities, for example about a workshop, an agreement or a publication.",
    personal:
      "I answer from IOM press releases, which give no advice on procedures or personal situations. For a procedure or your own case, contact the IOM office in your country or the competent authorities.",
    opinion: "I give no opinion of my own: I report what IOM press releases say. Ask me, for example, what IOM did or said on this subject.",
    task: "I answer questions about IOM press releases by quoting them; I write no other texts. Ask me, for example, about an IOM operation or publication.",
    llmFailed: "The language model did not answer; extractive answer instead.",
    uncited: "Part of the answer is backed by no cited source: check it in the releases.",
  },
} as const;
