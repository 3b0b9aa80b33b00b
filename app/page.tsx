import { ChatApp } from "./components/chat-app";

export default function Home() {
  return <ChatApp initialView="chat" />;
}
