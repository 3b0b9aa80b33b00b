import type { Metadata } from "next";
import { ChatApp } from "../components/chat-app";

export const metadata: Metadata = { title: "Communiqués · Assistant OIM" };

export default function Releases() {
  return <ChatApp initialView="releases" />;
}
