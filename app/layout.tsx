import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { PreferencesProvider } from "./components/preferences";
import "./globals.css";
import "./styles/frame.css";
import "./styles/chat.css";
import "./styles/citations.css";
import "./styles/notices.css";
import "./styles/releases.css";
import "./styles/panel.css";
import "./styles/responsive.css";

export const metadata: Metadata = {
  title: "Assistant OIM",
  description: "Questions et réponses sourcées sur les communiqués de presse de l’OIM.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1420" },
  ],
};

/** Rendered per request: the scripts carry the nonce of that request's Content-Security-Policy (proxy.ts). */
export const dynamic = "force-dynamic";

/** `lang` starts as French and follows the chosen interface language once the page runs. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr" suppressHydrationWarning>
      <body>
        <PreferencesProvider>{children}</PreferencesProvider>
      </body>
    </html>
  );
}
