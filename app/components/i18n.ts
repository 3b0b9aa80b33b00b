/** Interface strings in French and English. */

export type Lang = "fr" | "en";

export const LANGS: readonly Lang[] = ["fr", "en"];

export interface Messages {
  appName: string;
  tagline: string;
  tabChat: string;
  tabReleases: string;
  newConversation: string;
  switchLanguage: string;
  otherLangShort: string;
  themeToDark: string;
  themeToLight: string;
  emptyTitle: string;
  emptyIntro: string;
  startersLabel: string;
  starterFromTitle: (title: string) => string;
  starterFromPlace: (place: string) => string;
  inputLabel: string;
  inputPlaceholder: string;
  inputHint: string;
  send: string;
  stop: string;
  retry: string;
  you: string;
  assistant: string;
  thinking: string;
  stopped: string;
  interrupted: string;
  genericError: string;
  networkError: string;
  sources: string;
  source: string;
  unverified: string;
  unverifiedHint: string;
  openSource: string;
  abstainedTitle: string;
  closestReleases: string;
  warningLabel: string;
  panelLabel: string;
  close: string;
  citedPassage: string;
  passageNotFound: string;
  loading: string;
  loadError: string;
  contacts: string;
  file: string;
  releasesTitle: string;
  releasesIntro: (count: number) => string;
  filterLabel: string;
  filterPlaceholder: string;
  noReleases: string;
  noMatch: string;
  releasesError: string;
  disclaimer: string;
  modeLlm: string;
  modeExtractive: string;
  conversations: string;
  noConversations: string;
  untitled: string;
  rename: string;
  renameLabel: string;
  save: string;
  cancel: string;
  deleteConversation: string;
  deleteAll: string;
  confirmDeleteAll: string;
  exportMarkdown: string;
  copyAnswer: string;
  copied: string;
  helpful: string;
  notHelpful: string;
  feedbackComment: string;
  feedbackSend: string;
  feedbackThanks: string;
  feedbackError: string;
  chatLogLabel: string;
}

const fr: Messages = {
  appName: "Assistant OIM",
  tagline: "Communiqués de presse de l’OIM, avec sources",
  tabChat: "Discussion",
  tabReleases: "Communiqués",
  newConversation: "Nouvelle conversation",
  switchLanguage: "Switch to English",
  otherLangShort: "EN",
  themeToDark: "Passer au thème sombre",
  themeToLight: "Passer au thème clair",
  emptyTitle: "Que voulez-vous savoir ?",
  emptyIntro:
    "Posez une question sur les communiqués de presse de l’OIM. Chaque réponse cite les passages sur lesquels elle s’appuie.",
  startersLabel: "Suggestions de questions",
  starterFromTitle: (title) => `Que dit le communiqué « ${title} » ?`,
  starterFromPlace: (place) => `Quelles activités de l’OIM sont décrites pour « ${place} » ?`,
  inputLabel: "Votre question",
  inputPlaceholder: "Posez votre question…",
  inputHint: "Entrée pour envoyer · Maj+Entrée pour aller à la ligne",
  send: "Envoyer",
  stop: "Arrêter",
  retry: "Réessayer",
  you: "Vous",
  assistant: "Assistant",
  thinking: "Recherche dans les communiqués…",
  stopped: "Réponse interrompue.",
  interrupted: "La connexion a été interrompue avant la fin de la réponse.",
  genericError: "Une erreur est survenue.",
  networkError: "Impossible de joindre le serveur. Vérifiez votre connexion.",
  sources: "Sources",
  source: "Source",
  unverified: "non vérifié",
  unverifiedHint: "Le passage cité ne confirme pas entièrement cette affirmation.",
  openSource: "Cliquer pour ouvrir le communiqué",
  abstainedTitle: "Pas de réponse dans les communiqués",
  closestReleases: "Communiqués les plus proches",
  warningLabel: "Avertissement",
  panelLabel: "Communiqué",
  close: "Fermer",
  citedPassage: "Passage cité",
  passageNotFound: "Le passage cité n’a pas été retrouvé tel quel dans le texte :",
  loading: "Chargement…",
  loadError: "Impossible de charger ce communiqué.",
  contacts: "Contacts",
  file: "Fichier",
  releasesTitle: "Communiqués indexés",
  releasesIntro: (count) =>
    count === 1 ? "1 communiqué est consultable." : `${count} communiqués sont consultables.`,
  filterLabel: "Filtrer les communiqués",
  filterPlaceholder: "Filtrer par titre ou lieu…",
  noReleases: "Aucun communiqué n’est indexé pour l’instant.",
  noMatch: "Aucun communiqué ne correspond.",
  releasesError: "Impossible de charger la liste des communiqués.",
  disclaimer: "Les réponses proviennent uniquement des communiqués indexés. Vérifiez les sources.",
  modeLlm: "Réponse générée",
  modeExtractive: "Réponse extraite",
  conversations: "Conversations",
  noConversations: "Aucune conversation enregistrée.",
  untitled: "Sans titre",
  rename: "Renommer",
  renameLabel: "Nouveau titre",
  save: "Enregistrer",
  cancel: "Annuler",
  deleteConversation: "Supprimer",
  deleteAll: "Tout supprimer",
  confirmDeleteAll: "Confirmer : tout supprimer",
  exportMarkdown: "Exporter (Markdown)",
  copyAnswer: "Copier la réponse et ses sources",
  copied: "Copié",
  helpful: "Réponse utile",
  notHelpful: "Réponse pas utile",
  feedbackComment: "Un commentaire ? (facultatif)",
  feedbackSend: "Envoyer",
  feedbackThanks: "Merci pour votre avis.",
  feedbackError: "Votre avis n'a pas pu être envoyé.",
  chatLogLabel: "Conversation",
};

const en: Messages = {
  appName: "Assistant OIM",
  tagline: "IOM press releases, with sources",
  tabChat: "Chat",
  tabReleases: "Releases",
  newConversation: "New conversation",
  switchLanguage: "Passer en français",
  otherLangShort: "FR",
  themeToDark: "Switch to dark theme",
  themeToLight: "Switch to light theme",
  emptyTitle: "What would you like to know?",
  emptyIntro: "Ask a question about IOM press releases. Every answer cites the passages it relies on.",
  startersLabel: "Suggested questions",
  starterFromTitle: (title) => `What does the release “${title}” say?`,
  starterFromPlace: (place) => `What IOM activities are reported for ${place}?`,
  inputLabel: "Your question",
  inputPlaceholder: "Ask a question…",
  inputHint: "Enter to send · Shift+Enter for a new line",
  send: "Send",
  stop: "Stop",
  retry: "Retry",
  you: "You",
  assistant: "Assistant",
  thinking: "Searching the releases…",
  stopped: "Answer stopped.",
  interrupted: "The connection was lost before the answer was complete.",
  genericError: "Something went wrong.",
  networkError: "Cannot reach the server. Check your connection.",
  sources: "Sources",
  source: "Source",
  unverified: "unverified",
  unverifiedHint: "The cited passage does not fully support this claim.",
  openSource: "Click to open the release",
  abstainedTitle: "No answer in the releases",
  closestReleases: "Closest releases",
  warningLabel: "Warning",
  panelLabel: "Press release",
  close: "Close",
  citedPassage: "Cited passage",
  passageNotFound: "The cited passage was not found verbatim in the text:",
  loading: "Loading…",
  loadError: "Could not load this release.",
  contacts: "Contacts",
  file: "File",
  releasesTitle: "Indexed releases",
  releasesIntro: (count) => (count === 1 ? "1 release is available." : `${count} releases are available.`),
  filterLabel: "Filter releases",
  filterPlaceholder: "Filter by title or place…",
  noReleases: "No release is indexed yet.",
  noMatch: "No release matches.",
  releasesError: "Could not load the list of releases.",
  disclaimer: "Answers come only from the indexed releases. Check the sources.",
  modeLlm: "Generated answer",
  modeExtractive: "Extracted answer",
  conversations: "Conversations",
  noConversations: "No saved conversation.",
  untitled: "Untitled",
  rename: "Rename",
  renameLabel: "New title",
  save: "Save",
  cancel: "Cancel",
  deleteConversation: "Delete",
  deleteAll: "Delete all",
  confirmDeleteAll: "Confirm: delete all",
  exportMarkdown: "Export (Markdown)",
  copyAnswer: "Copy the answer and its sources",
  copied: "Copied",
  helpful: "Helpful answer",
  notHelpful: "Unhelpful answer",
  feedbackComment: "A comment? (optional)",
  feedbackSend: "Send",
  feedbackThanks: "Thank you for your feedback.",
  feedbackError: "Your feedback could not be sent.",
  chatLogLabel: "Conversation",
};

export const MESSAGES: Record<Lang, Messages> = { fr, en };

/** Language preferred by the browser: French unless it asks for English. */
export function preferredLang(navigatorLanguages: readonly string[]): Lang {
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "fr" || base === "en") return base;
  }
  return "fr";
}
