// Runs this remote on its own (`vite` / `vite preview` in this folder) for development.
import { mountStandalone } from "@xuekao/ui/standalone";
import routes, { messages } from "./routes";

mountStandalone({ titleKey: "candidate.title", routes, messages });
