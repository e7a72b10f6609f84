import { classifyTicket, summarizeThread } from '../tickets/triage';
import { extractOrderDetails, translateReply } from '../tickets/extract';

interface IncomingTicket {
  subject: string;
  body: string;
  thread: string;
  language: string;
}

/** HTTP handler for new tickets: no LLM SDK here, only the app's own helpers that wrap it. */
export async function handleNewTicket(ticket: IncomingTicket) {
  const category = await classifyTicket(ticket.subject, ticket.body);
  const details = category === 'billing' ? await extractOrderDetails(ticket.body) : undefined;
  const summary = await summarizeThread(ticket.thread);
  return { category, details, summary };
}

/** Sends the agent's reply in the customer's language. */
export async function handleReply(reply: string, language: string) {
  return language === 'en' ? reply : translateReply(reply, language);
}
