/**
 * What kind of work a call does, inferred from signals a person can check: prompt wording, output
 * constraints, tools, images, the endpoint, the model family, input size and names in the code.
 * Each task type gets a score; the best wins and the margin over the runner-up sets the confidence.
 * An annotation (`// llm-advisor: task=...`) always wins.
 */
import type { DetectedCall, TaskClassification, TaskType } from '../../model/types';
import { TASK_TYPES } from '../../model/types';
import { redactCredentials } from '../../model/redact';
import { REALTIME_AUDIO_TURN_TEXT } from '../../model/vocabulary';

/** Tools the provider runs itself to retrieve from the team's documents: OpenAI's `file_search` (Responses, Assistants, the AI SDK's `openai.tools.fileSearch`). */
const HOSTED_RETRIEVAL_TOOL = /^file_?search$/i;

/** A wording signal: a pattern, the task it points to, and how strongly. */
interface TextRule {
  type: TaskType;
  pattern: RegExp;
  weight: number;
}

// Patterns are written for intent, not for one phrasing: several rules per task, each modest, so a
// prompt must say it more than one way (or say it strongly) to win. Weights: 3 = says the task
// outright, 2 = strong hint, 1 = weak hint.
const LANGS =
  'english|french|spanish|german|italian|portuguese|dutch|japanese|chinese|mandarin|cantonese|korean|arabic|hindi|russian|turkish|polish|swedish|norwegian|danish|finnish|greek|hebrew|thai|vietnamese|indonesian|ukrainian|czech|romanian|hungarian|brazilian portuguese|simplified chinese|traditional chinese|the target language|the user\'s language|\\{\\{[^}]*(lang|locale)[^}]*\\}\\}';

/** What a request is translated into when the target is a data structure rather than a language. */
const STRUCTURED_TARGET = '(a |an |the )?(valid |well-formed )?(json|yaml|xml|(typed |structured )?objects?|schema|structured (data|output|form)|programs?|typescript (types?|objects?)|(function|api) calls?)\\b';

const TEXT_RULES: TextRule[] = [
  // classification
  { type: 'classification', pattern: /\bclassif(y|ies|ied|ication|ier)\b/i, weight: 3 },
  { type: 'classification', pattern: /\bcategori[sz](e|ation)\b|\b(which|what|one) (category|categories|bucket|label|class)\b|\bcategory\b/i, weight: 2.5 },
  { type: 'classification', pattern: /\bsentiment\b|\b(positive|negative|neutral)\b.{0,40}\b(positive|negative|neutral|mixed)\b/i, weight: 2.5 },
  { type: 'classification', pattern: /\b(intent|triage|severity|urgency|spam|fraud|phishing)\b/i, weight: 1.2 },
  // Words that are also ordinary nouns ("record label", "route planner") count only when used as the task.
  { type: 'classification', pattern: /\b(label|tag|route|prioriti[sz]e|flag) (it|this|each|the|every|incoming|all)\b|\b(which|what|a|one|the) (label|tag|topic|priority)\b/i, weight: 1.2 },
  { type: 'classification', pattern: /\b(respond|reply|answer|return|output)\b[^.]{0,40}\b(only|just|exactly)\b[^.]{0,30}\b(one|single|the)\b[^.]{0,20}\b(word|label|category|class|number|letter|value)\b/i, weight: 2.5 },
  { type: 'classification', pattern: /\b(one of|exactly one of|must be one of|choose from|pick one|select one)\b|\byes or no\b|\btrue or false\b|\b(pass|fail)\s*(\/|or)\s*(pass|fail)\b|\b(yes|no)\s*(\/|or)\s*(yes|no)\b/i, weight: 1.8 },
  { type: 'classification', pattern: /\b(is|does) (this|the) (message|email|review|comment|ticket|text|post|customer|user|listing|passage|document)\b[^.?]{0,60}\b(spam|abusive|urgent|relevant|about|complaint|question|positive|negative|frustrated|angry|happy|break|violate|allowed)\b/i, weight: 2 },
  { type: 'classification', pattern: /\b(judg(e|es|ing)|decid(e|es|ing)|determin(e|es|ing)|assess(es|ing)?|evaluat(e|es|ing)|tell me|check(s|ing)?) (whether|if)\b|\b(relevant|irrelevant) or not\b|\b(array|list) of booleans\b|\b(rate|score|grade) (how|the|this)\b/i, weight: 1.5 },
  // A decision between fixed outcomes: "decide whether they should be archived or not", "decide where this document
  // should be filed", "choose which rule applies" (inbox-zero's cleaner, document filer and rule chooser).
  { type: 'classification', pattern: /\bwhether\b[^.?]{0,60}\bor not\b/i, weight: 1 },
  { type: 'classification', pattern: /\b(decid(e|es|ing)|determin(e|es|ing)|choos(e|es|ing)) where\b[^.]{0,50}\b(should|belongs?|goes)\b|\b(decid(e|es|ing)|determin(e|es|ing)|choos(e|es|ing)|pick(s|ing)?) (which|the) (folder|label|category|rule|bucket|queue|team|destination)s?\b/i, weight: 2 },
  { type: 'classification', pattern: /\b(assign|map|bucket|sort|put)\b[^.]{0,40}\b(to|into) (one|a|the)\b[^.]{0,30}\b(of|from|section|queue|theme|group|bucket|category)\b|\bbucket (this|the)\b|\bwhich (team|queue|department|section|group|bucket|theme)\b/i, weight: 2 },
  // An answer that is only a boolean is a verdict on the input, whatever the input is about.
  { type: 'classification', pattern: /\b(return|respond|reply|answer|output)( with)?( only| just)? (true or false|yes or no|true\/false|yes\/no|a (single )?boolean)\b/i, weight: 3 },
  // The role a prompt gives the model: an evaluator, classifier or judge hands back a verdict, not prose.
  { type: 'classification', pattern: /\b(you are|you're|act as|acting as) (an? |the )?[\w -]{0,40}\b(evaluator|classifier|judge|grader|checker|detector|router)\b/i, weight: 2 },
  // Naming the language, tone or intent of a text is a label for it.
  { type: 'classification', pattern: /\b(detect|identif(y|ies)|detects|determines?|recogni[sz]es?)\b[^.]{0,30}\b(the )?(language|locale|sentiment|intent|tone|vibe|category|type)\b/i, weight: 2 },
  { type: 'classification', pattern: /\b[A-Z][A-Z_]{2,}(,| or| \/) [A-Z][A-Z_]{2,}\b|\b\w+ \/ \w+ \/ \w+\b/, weight: 1.2 },

  // summarization
  { type: 'summarization', pattern: /\bsummar(y|ies|ize|ise|ized|ised|izing|ising|isation|ization)\b|\btl;?\s?dr\b/i, weight: 3 },
  { type: 'summarization', pattern: /\b(condense|recap|digest|gist|synopsis|abstract|brief overview|executive overview|key (points|takeaways|highlights)|main (points|ideas|takeaways)|boil (it|this) down|shorten|distil+)\b/i, weight: 2 },
  { type: 'summarization', pattern: /\bin (one|two|three|four|five|\d+|a few|a couple of) (sentences|bullets|bullet points|lines|words|paragraphs?)\b|\bno more than \d+ (words|sentences|bullets)\b/i, weight: 1.5 },
  { type: 'summarization', pattern: /\b(meeting notes|minutes|changelog|release notes|standup)\b/i, weight: 0.8 },
  { type: 'summarization', pattern: /\b(remember|takeaways?|highlights|handover|hand-?off|overview|(main|key|recurring|common|top) (themes?|points?|ideas?|issues?|complaints?)|what (people|customers|users|reviewers) (like|love|complain|say)|what (this|the) (change|diff|pull request|pr|document|text|article|email|thread) (does|says|is about)|describe what|what changed|core ideas|briefing|brief (me|them|the|him|her|portfolio|executives|managers|leadership)|(the )?(short|shorter|condensed|quick) version|in short|zusammenfass\w*|résum\w*|resum\w*|(revision|study|lecture|summary|handover|briefing) notes|notes from|(half a|one|a single) page(?![ -](react |web |frontend )?(app|application|site|website|frontend)s?\b)|at a glance)\b/i, weight: 1.8 },
  // Describing a period's numbers ("this week's performance", "a weekly business insight") is summarizing them.
  // Only when the text to write is about that period: judging "a weekly insight" is not writing one.
  { type: 'summarization', pattern: /\b(write|writes|writing|describe|describes|explain|explains|connect|connects|recap|report on|cover|covers)\b[^.]{0,40}\b(weekly|monthly|daily|quarterly|yearly|annual|this (week|month|quarter|year)'s|last (week|month|quarter|year)'s) (business |financial |team |sales |usage |product )?(insights?|updates?|performance)\b/i, weight: 1.5 },
  // The text to write is itself a summary ("write the summary paragraph"), whatever else the prompt asks of its style.
  { type: 'summarization', pattern: /\b(write|draft|compose|generate|produce|create|give)\b[^.]{0,30}\b(summary|recap|overview|digest)\b/i, weight: 2 },
  { type: 'summarization', pattern: /\b(turn|condense|boil|compress|reduce)\b[^.]{0,40}\b(into|down to)\b[^.]{0,20}\b(minutes|notes|bullets?|a paragraph|a note|one line|a sentence)\b/i, weight: 1.5 },

  // extraction
  { type: 'extraction', pattern: /\bextract(s|ed|ing|ion)?\b/i, weight: 3 },
  { type: 'extraction', pattern: /\b(pull out|pull|parse|capture|identify|find|list|get|grab|collect|read out|fill in)\b[^.]{0,50}\b(fields?|entities|names|dates?|amounts?|totals?|line items?|attributes|addresses|phone numbers|emails|skills|ingredients|parties|key-value|timestamps?|people|persons?|merchant|sku|order numbers?|invoice numbers?)\b/i, weight: 2 },
  { type: 'extraction', pattern: /\b(json|object|array)\b[^.]{0,30}\b(with|containing|of) (the )?(keys|fields|properties)\b|\b(keys|fields)\b[^.]{0,10}\b[a-z]+_[a-z_]+\b/i, weight: 2 },
  { type: 'extraction', pattern: /\b(output|return|give back|respond with|reply with|emit|produce) (an? |the |only )?(json|object|dict|array|structured)\b|\b(give|send) back the\b|\bcopy (the )?wording\b|\b(organi[sz]e|sort|split)\b[^.]{0,30}\binto\b[^.]{0,20}\b(sections|fields|columns)\b/i, weight: 1.5 },
  // "Map CSV columns to a fixed output schema", "turn the notes into our profile format". (A CSV named in a prompt is data, not code.)
  { type: 'extraction', pattern: /\b(convert|turn|map)\b[^.]{0,40}\b(into|to) (our|a|the) ([\w-]+ ){0,2}(profile|record|schema|structure|format)\b/i, weight: 1.5 },
  { type: 'extraction', pattern: /\b(named entit\w*|ner\b|structured data|key facts|metadata|fill (in )?(the|this) (schema|form)|into (a |the )?(json|structured|schema))\b/i, weight: 2 },
  { type: 'extraction', pattern: /\bjson\b/i, weight: 0.8 },
  { type: 'extraction', pattern: /\b(invoice|receipt|resume|cv|purchase order|bill of lading|contract|form|transcript)\b[^.]{0,60}\b(fields?|data|details|information|json)\b/i, weight: 1.2 },
  { type: 'extraction', pattern: /\b(use )?null (if|when|for) (missing|absent|not (found|present|mentioned))\b|\bif (a field|a value|it) is (missing|not present|not mentioned)\b/i, weight: 1.5 },

  // translation
  // "Translate the request into JSON / a program" turns text into a structure: extraction (below), not a language.
  { type: 'translation', pattern: new RegExp(`\\btranslat(e|es|ed|ing|ion|or)\\b(?![^.]{0,60}\\b(in)?to\\s+${STRUCTURED_TARGET})`, 'i'), weight: 3 },
  { type: 'extraction', pattern: new RegExp(`\\btranslat\\w*\\b[^.]{0,60}\\b(in)?to\\s+${STRUCTURED_TARGET}`, 'i'), weight: 3 },
  // Instructions are not always in English: übersetze (de), tradui(s|re) (fr), traduce/traduzca (es), traduza (pt), vertaal (nl), 翻訳/翻译/번역.
  { type: 'translation', pattern: /(übersetz\w*|\btradui\w*|\btraduc\w*|\btraduz\w*|\btradurr?\w*|\bvertaal\w*|\bprzetłumacz\w*|переведи|перевести|翻訳|翻译|번역)/i, weight: 3 },
  { type: 'translation', pattern: new RegExp(`\\b(into|to|in)\\s+(${LANGS})\\b`, 'i'), weight: 1 },
  { type: 'translation', pattern: /\b(locali[sz](e|ation)|i18n|l10n|source language|target language|preserve (the )?(meaning|tone|formatting) .{0,30}(language|translation))\b/i, weight: 2 },
  { type: 'translation', pattern: new RegExp(`\\bfrom\\s+(${LANGS})\\s+(in)?to\\s+(${LANGS})\\b`, 'i'), weight: 2.5 },
  // "Respond in the same language as the user" says which language to answer in; "into the same language" converts.
  { type: 'translation', pattern: /\binto the (same )?language\b|(?<!\b(respond|reply|answer|write|speak|output|chat|talk|communicate)s?( only| always)? )\bin the (same )?language\b|\blanguage (the|that the) (customer|user|sender|reader) (wrote|writes|used|uses|speaks)\b|\b(the )?(\w+ )?(equivalent|version) (of|in)\b[^.]{0,30}\b(phrase|text|sentence|contract|word)\b|\b(render|produce|give)\b[^.]{0,30}\b(version|equivalent|rendering)\b|\bvalues in\b/i, weight: 2 },

  // rag-qa
  { type: 'rag-qa', pattern: /\b(based|relying) (only |solely |strictly )?on the (following|provided|given|above|retrieved|supplied) (context|documents?|passages?|sources?|excerpts?|information|snippets|articles|knowledge)\b/i, weight: 3 },
  { type: 'rag-qa', pattern: /\b(using|use|with) (only )?(the )?(following|provided|given|retrieved|supplied|attached) (context|documents?|passages?|sources?|excerpts?|snippets|search results|knowledge base articles?)\b/i, weight: 2.5 },
  { type: 'rag-qa', pattern: /\b(if|when) the (answer|information) (is not|isn't|cannot be found|is missing)\b|\b(say|reply|respond)[^.]{0,20}\b(you )?(don't|do not) know\b|\bnot (in|covered by) the (context|documents?|sources?)\b/i, weight: 2 },
  { type: 'rag-qa', pattern: /\bcit(e|ing|ation|ations)\b|\b(source|doc|document) (ids?|numbers?)\b|\[\d\]/i, weight: 1.2 },
  { type: 'rag-qa', pattern: /^\s*(context|documents|sources|knowledge|retrieved|excerpts|passages)\s*:/im, weight: 2 },
  { type: 'rag-qa', pattern: /\b(knowledge base|help center|help-center|documentation|docs|faq|handbook|policy documents|manual|runbook)\b/i, weight: 0.8 },
  { type: 'rag-qa', pattern: /\b(stay|answer|reply|respond|ground\w*)\b[^.]{0,40}\b(within|from|in|using|on)\b[^.]{0,25}\b(these|those|the|provided|retrieved|numbered|following)\b[^.]{0,20}\b(pages|sections|excerpts|passages|snippets|entries|articles|documents|chunks|sources)\b|\b(retrieved|relevant) (for|to) (this|the)( latest)? question\b|\bno outside knowledge\b/i, weight: 2.5 },
  { type: 'rag-qa', pattern: /\bquestion\s*:/i, weight: 0.8 },

  // chat
  { type: 'chat', pattern: /\b(you are|you're) (a |an )?(friendly|helpful|warm|cheerful|witty|patient|empathetic|conversational)\b/i, weight: 1.2 },
  // "the chat history" / "this conversation" name the input, not the work: they do not count.
  // "Relevant to the conversation", "given conversation" name a conversation the call reads, not one it takes part in.
  { type: 'chat', pattern: /\b(chat(bot|ting)?|(?<!\b(the|this|given|provided) )conversation(al)?)\b(?! (history|so far|above|below|between|transcript|messages|context|log))|\b(companion|small talk|keep the conversation|persona|roleplay|role-play|banter)\b/i, weight: 1.5 },
  { type: 'chat', pattern: /\b(customer support agent|support assistant|concierge|tutor|coach|companion)\b/i, weight: 0.8 },
  { type: 'chat', pattern: /\b(chatting|talk (them|the user|me) through|check in|follow-up question|keep (the learner|the user|them) talking|greet (them|the user))\b/i, weight: 1.5 },
  // An assistant that answers the users' questions ("You are Midday's documentation assistant. Help users understand ...
  // You can answer questions about: ..."): a product's Q&A chat, whatever topics its prompt lists (a feature list naming
  // "categorization" is no classification). "You answer questions about X using only the articles" stays retrieval's.
  { type: 'chat', pattern: /\b(help|helps|helping) (users|customers|people|the user) (understand|use|with|find|learn|get)\b|\b(you can|you may|i can) answer (the )?(users?'? |customers?'? |their |people'?s? )?questions about\b/i, weight: 1.5 },

  // code-generation
  { type: 'code-generation', pattern: /\b(write|generate|implement|create|produce|refactor|rewrite|fix|debug|optimi[sz]e|port|convert|translate|add|propose)\b[^.]{0,50}\b(function|method|class|code|script|program|module|component|sql|sql query|bigquery query|graphql|regex|regular expression|unit tests?|tests|test cases?|algorithm|endpoint|hook|migration|dockerfile|bash|shell|python|typescript|javascript|rust|golang|java|kotlin|swift|ruby|php|c\+\+|c#)\b/i, weight: 2.5 },
  { type: 'code-generation', pattern: /\b(typescript|javascript|python|rust|golang|go code|java|kotlin|swift|c\+\+|c#|ruby|php|scala|haskell|elixir|ocaml|zig|cobol|fortran|verilog|vhdl|solidity|sql|postgres(ql)?|bigquery|jsx|tsx|react|vue|svelte|terraform|pandas|numpy|regex)\b/i, weight: 1.2 },
  { type: 'code-generation', pattern: /```|\b(stack trace|compiler error|type error|bug|failing test|pull request|unified diff|code changes|edge cases|mock\w*|idiomatic|public api|schema change|compile|compiles|compiler|syntax error|exception|shader|glsl|webgl|script)\b/i, weight: 1.2 },
  // Coding vocabulary a reasoning preamble ("think step by step about the algorithm") leaves in a code prompt.
  { type: 'code-generation', pattern: /\b(data structures?|time complexity|space complexity|big-o|function implementation|implementation of the function|make (the|all) (unit )?tests pass|tests? (pass|passing))\b/i, weight: 2.5 },
  { type: 'code-generation', pattern: /\b(vulnerab\w*|sql injection|xss|path traversal|handler|middleware|express|django|flask|spring boot|rails|parameteri[sz]ed quer\w*|api route|endpoint)\b/i, weight: 1.2 },
  // Authoring a schema is writing a spec the code will run against; reading data *into* a schema is extraction (below).
  // Above the usual 3: the same prompt describes the schema's JSON and what it will extract, which read as extraction.
  { type: 'code-generation', pattern: /\b(generate|create|write|produce|design|draft|build)\b[^.]{0,20}\b(a |an |the )?(valid |new )?(json|zod|typescript|openapi|graphql|sql|database|yaml|xml) schemas?\b(?! (below|above))/i, weight: 4 },
  { type: 'code-generation', pattern: /\b(senior|expert|staff) (software|backend|frontend|full-?stack)? ?(engineer|developer|programmer)\b|\bonly (output|return) (the )?code\b|\bno (explanations?|prose)\b/i, weight: 1.5 },

  // boilerplate-generation
  { type: 'boilerplate-generation', pattern: /\b(write|draft|compose|generate|create|produce)\b[^.]{0,50}\b(e-?mail|newsletter|reply|letter|message|post|tweet|caption|tagline|slogan|headline|subject line|ad copy|copy|description|bio|announcement|press release|cover letter|job (post|posting|description)|invitation|reminder|thank-you note|blurb|outreach|pitch|response|headlines?|titles?|listings?|options|leaflet|brochure|flyer|handout|notice|memo|confirmation|quiz|questions|worksheet|lesson plan|faq|card|agenda|invite)\b/i, weight: 2.5 },
  { type: 'boilerplate-generation', pattern: /\b(marketing|copywrit\w*|seo|meta description|call to action|cta|landing page|product (description|listing|page)|social media|linkedin|instagram|twitter|facebook|brand voice|on-brand|template|boilerplate|scaffold\w*|placeholder|docstrings?|jsdoc|doc comments?|readme|listing|standard|usual|our (usual|standard))\b/i, weight: 1.5 },
  { type: 'boilerplate-generation', pattern: /\b(job (ad|advert|post|posting|listing|description)|headlines?|newsletter|press release|cover letter|product (copy|description)|listing copy|ad copy|landing page copy|email campaign|sales email|cold email|welcome email|invitation)\b/i, weight: 1.2 },
  { type: 'boilerplate-generation', pattern: /\b(confirmation|welcome|reminder|notification|follow-up|thank-you) (message|email|note|text|sms)\b|\b(warm|friendly|upbeat|polite|professional), (brief|short|concise)\b/i, weight: 2 },
  { type: 'boilerplate-generation', pattern: /\b(fill in|fill out|follow|following|using|use) (our|the|this) [\w -]{0,20}(template|format|outline|style guide)\b|\bkeep the headings\b|\bcall to action\b|\b(under|max|at most) \d+ (words|characters)\b/i, weight: 1.5 },
  { type: 'boilerplate-generation', pattern: /\b(tone|voice)\s*:|\b(friendly|professional|upbeat|playful|formal|casual) tone\b/i, weight: 1 },

  // complex-reasoning
  { type: 'complex-reasoning', pattern: /\bstep[- ]by[- ]step\b|\bshow (your|all) (work|reasoning|steps)\b|\bthink (carefully|it through|through)\b|\bchain of thought\b|\breason (carefully|through)\b/i, weight: 2.5 },
  { type: 'complex-reasoning', pattern: /\b(prove|proof|theorem|lemma|derive|derivation|formal(ly)? (logic|verification)|induction|contradiction|counterexample)\b/i, weight: 3 },
  { type: 'complex-reasoning', pattern: /\b(math(ematical|s)?|equation|integral|probability|optimi[sz]ation problem|puzzle|riddle|logic|deduc\w*|syllogism|combinatori\w*|physics|olympiad|competition problem)\b/i, weight: 1.5 },
  { type: 'complex-reasoning', pattern: /\b(show (the|your) (arithmetic|math|calculations?|derivation)|assumptions|sensitive to|hypothes[ie]s|rule (them|it|each) out|one by one|invariant|enforceab\w*|exposure|argue both sides|work (it|this) out|explain your reasoning|before (the|your) conclusion|counsel|runway|what-if)\b/i, weight: 1.5 },
  { type: 'complex-reasoning', pattern: /\b(legal analysis|liabilit\w*|case law|precedent|statute|jurisdiction|treaty|tax (implications|treatment)|differential( diagnosis)?|ranked by likelihood|line by line|first wrong step|determine which|compute|root cause|trade-?offs?|weigh|pros and cons|multi-step|plan (out|the)|strategy|scenario|risk assessment|due diligence|arguments? (for|against)|verify (the|each) (claim|step|calculation))\b/i, weight: 1.5 },

  { type: 'complex-reasoning', pattern: /\b(minimi[sz]e|maximi[sz]e|optimal|optimi[sz]e)\b[^.]{0,60}\b(while|subject to|respecting|given|under|within)\b|\bjustify (the|your|each)\b|\b(chain|combine) (them|these|the \w+) into\b|\bmost (plausible|likely) (\w+ )?(paths?|explanations?|causes?|sequences?)\b|\brecommend\b[^.]{0,30}\b(accept|reject|negotiate)\b|\b(riddle|puzzle|proof|theorem)\b/i, weight: 2 },

  // Planning: an implementation or project plan is worked out, not written up.
  { type: 'complex-reasoning', pattern: /\b(implementation|architecture|technical|project|migration|execution|rollout) plans?\b/i, weight: 2 },
  // Reviewing code judges it (correctness, risks, what to change) rather than writing it: the code in the prompt is its input.
  { type: 'complex-reasoning', pattern: /\b(code reviews?|review(s|ing)? (the |this |a |these |each )?(code|pull requests?|prs?|diffs?|changes|patch(es)?|commits?)|reviewer)\b/i, weight: 3 },
  // Planning: splitting a problem into parts before solving them.
  { type: 'complex-reasoning', pattern: /\bbreak(s|ing)? (it |this |them |the [\w -]{0,30})?down\b[^.]{0,40}\b(sub-?problems?|sub-?tasks?|sub-?questions?|steps)\b|\bdecompos(e|es|ing|ition)\b/i, weight: 2 },

  // other: a probe whose prompt dictates the reply ("Reply with the single word: ok", "Say pong") checks that the model answers at all.
  { type: 'other', pattern: /^\s*(please )?(reply|respond|answer|say|return|output)( with)?( only| just)?( the| a)?( single| one| exact)?( word| text)?\s*:?\s*["'“`]?(ok|okay|pong|ping|hello|hi|test|ready|works?)["'”`]?\s*[.!]?\s*$/i, weight: 4 },
  // other: rewriting, proofreading, creative writing, brainstorming
  { type: 'other', pattern: /\b(rewrite|rephrase|paraphrase|reword|proofread|copy-?edit|polish|tighten|edit (this|the)|house style|style guide)\b/i, weight: 2 },
  { type: 'other', pattern: /\b(spelling|grammar|punctuation|typos?|legalese|plain language|non-lawyer|less (blunt|formal|harsh)|more (polite|formal|concise|friendly)|sound (less|more))\b/i, weight: 2 },
  { type: 'other', pattern: /\b(poem|poetry|haiku|limerick|short story|fiction|novelist|song|lyrics|joke|rhym\w*|bedtime story)\b/i, weight: 2.5 },
  { type: 'other', pattern: /\bbrainstorm\w*\b|\b(\d+|some|a few) (possible |creative )?(names|ideas|slogans) for\b/i, weight: 2.5 },

  // title-generation: a few words naming a conversation, document or item
  { type: 'title-generation', pattern: /\b(generate|create|write|suggest|give|come up with|produce|make)\b[^.]{0,40}\b(title|name|label|heading)\b[^.]{0,40}\b(for|of|summari[sz]ing|describing)\b[^.]{0,30}\b(conversation|chat|thread|discussion|document|note|session|message|query|prompt|request|app|project|file|artifact|page|web ?page|website|site|url|article|post|product|video)\b/i, weight: 3 },
  { type: 'title-generation', pattern: /\b(concise|short|succinct|brief|descriptive|catchy)\b[^.]{0,20}\btitles?\b|\btitles? (of|in|under|with(in)?)? ?(\d+|two|three|four|five|six|a few)[-–\s]*(to|-|–)?\s*(\d+|two|three|four|five|six|seven|eight)? ?words\b|\b(\d+|two|three|four|five|six)[-– ]+(to )?(\d+ )?words? (long )?title\b/i, weight: 3 },
  { type: 'title-generation', pattern: /\b(write|generate|create|produce|give|suggest)\b[^.]{0,20}\b(the|a|one) (headline|title)\b(?! (and|&|or) )/i, weight: 3 },
  { type: 'title-generation', pattern: /\btitle generation\b|\b(the|a) title (only|and nothing else)\b|\boutput (only )?the title\b/i, weight: 2.5 },

  // commit-message: a commit message from a diff
  { type: 'commit-message', pattern: /\bcommit messages?\b|\bconventional commits?\b|\bgit commit\b/i, weight: 4 },
  { type: 'commit-message', pattern: /\b(git diff|staged (changes|files|diff)|the diff (below|above)|from (the|this) diff)\b/i, weight: 1.5 },

  // long-form-writing: reports, articles, documents; rewriting a whole document
  { type: 'long-form-writing', pattern: /\b(writ(e|es|ing)|drafts?|drafting|compos(e|es|ing)|generat(e|es|ing)|creat(e|es|ing)|produc(e|es|ing)|prepar(e|es|ing))\b[^.]{0,50}\b(report|article|essay|blog post|blog|white ?paper|proposal|chapter|documentation page|markdown document|long-form|research report|story|newsletter article|op-ed|cover story|artifact|document)s?\b/i, weight: 2.5 },
  { type: 'long-form-writing', pattern: /\bwrite (about|on) (the|a|this|that) (given )?(topic|subject|theme)\b|\b(use )?(headings|subheadings) (wherever|where|when) (appropriate|needed|relevant)\b/i, weight: 2 },
  { type: 'long-form-writing', pattern: /\b(continue writing|continue the (text|story|article|document)|make (it|the text|this) (longer|shorter)|reading level|expand (on )?(the|this) (text|section|paragraph)|improve the writing|writing assistant|co-?writer|ghostwrit\w*)\b/i, weight: 2 },
  { type: 'long-form-writing', pattern: /\b(comprehensive|in-depth|detailed|long-form|thorough|well-structured)(,? (and )?[\w-]+){0,2} (reports?|articles?|answer|documents?|essays?|write-?ups?|analysis)\b|\b(\d{3,}|several hundred|thousands? of) words\b|\bsections? (with|and) (headings|subheadings)\b/i, weight: 1.5 },
  { type: 'long-form-writing', pattern: /\b(artifact|document|text|essay|article|markdown)\b[^.]{0,40}\b(rewrite|rewritten|update|updated|revise|revised)\b|\b(rewrite|revise|update)\b[^.]{0,30}\b(the|this|your) (artifact|document|essay|article|markdown)\b/i, weight: 1.5 },

  // query-generation: questions rewritten into search queries
  { type: 'query-generation', pattern: /\b(web |image |video |keyword |vector |semantic |google |bing )?search(-engine| engine)? quer(y|ies)\b/i, weight: 3 },
  { type: 'query-generation', pattern: /\b(rewrite|rephrase|reformulate|turn|convert|transform)\b[^.]{0,50}\b(into|as) (a |an )?(standalone|self-contained|search|follow-up|independent)\b[^.]{0,20}\b(question|query|queries)\b|\bstandalone (search )?(question|query)\b/i, weight: 3 },
  { type: 'query-generation', pattern: /\b(serp|search engines?)\b[^.]{0,40}\bquer(y|ies)\b|\bquer(y|ies) (for|to use with|to send to) (a |the )?(search engine|serp|web search)\b/i, weight: 3 },
  { type: 'query-generation', pattern: /\b(create|generate|write|produce|craft|formulate|come up with|rewrite|rephrase|reformulate|condense|turn|convert)\b[^.]{0,80}(\b(search|web|keyword|google|bing|rerank\w*)|\(?\bserp\)?) quer(y|ies)\b/i, weight: 1.5 },
  { type: 'query-generation', pattern: /\b(queries|query) (to|for) (search|look up|find|retrieve)\b|\bsearch terms?\b|\bkeywords? to search\b/i, weight: 2 },

  // reranking: ordering candidates by relevance
  { type: 'reranking', pattern: /\b(re-?rank\w*|rank (the|these|each|all)\b[^.]{0,30}\b(by|according to|for) (relevance|relevancy|usefulness)|relevance scores?|order (the|these) (documents|passages|results|candidates) by)\b/i, weight: 3 },

  // moderation: flagging content against a policy
  { type: 'moderation', pattern: /\b(moderat(e|ion|or)|content polic\w*|guardrails?|hate speech|harass\w*|self-harm|toxic\w*|nsfw|off[-_ ]brand|jailbreak\w*|unsafe (content|output|message)|policy violations?|violates? (the |our )?(policy|policies|rules|guidelines))\b/i, weight: 2.5 },
  { type: 'moderation', pattern: /\b(break|breaks|breaking|violate|violates|breach\w*) (the |our |these |marketplace |community |platform |site )*(rules|polic(y|ies)|guidelines|terms of (service|use))\b|\b(allowed|blocked|safe|unsafe|flagged|flag) (or|\/) (allowed|blocked|safe|unsafe|not)\b|\badult content\b/i, weight: 2.5 },
  { type: 'moderation', pattern: /\b(offensive|violen(ce|t)|sexual|extremis\w*|abusive|profanity|slurs?)\b/i, weight: 1 },

  // code-editing: changing code that exists
  { type: 'code-editing', pattern: /\b(edit|modify|update|change|rewrite|refactor|fix|patch|improve)\b[^.]{0,40}\b(the|this|existing|selected|highlighted|current|given|provided|user's)\b[^.]{0,20}\b(code|file|files|function|component|snippet|codebase|repository|program|script)\b/i, weight: 2.5 },
  { type: 'code-editing', pattern: /\b(update|modify|edit|rewrite|revise|change)\b[^.]{0,40}\b(existing|highlighted|selected|current|specific part|section)\b/i, weight: 1.2 },
  { type: 'code-editing', pattern: /\b(unified diff|search[/ ]replace block|apply (the |these )?(edits|changes|patch)|existing code(base)?|only the (changed|modified) (lines|code)|highlighted code|selected code|add (comments|logs|logging) to (the|this) code|port (the|this) code)\b/i, weight: 2 },

  // long-context
  { type: 'long-context', pattern: /\b(entire|whole|full|complete) (book|codebase|repository|repo|manuscript|transcript|contract|filing|10-k|annual report|archive|thread history|case file|novel)\b|\bacross all (the )?(documents|files|chapters|transcripts)\b/i, weight: 2.5 },
  { type: 'long-context', pattern: /\b(hundreds of pages|thousands of (lines|pages|messages)|very long|lengthy|1m tokens|200k|128k)\b/i, weight: 1.5 },
  { type: 'long-context', pattern: /\b(\w+ (years|months|quarters) of|dozens of|hundreds of|thousands of|all (the |our )?(past|previous|historical))\b[^.]{0,30}\b(reports|filings|documents|emails|messages|tickets|transcripts|papers|contracts|files|logs|chapters)\b|\bconcatenated\b|\bacross all of them\b|\b(every|all) (file|page|chapter|document)s?\b/i, weight: 2 },
  { type: 'long-context', pattern: /\bevery \w+ (from|in|across|of) every\b|\b(since|from) (19|20)\d\d\b|\b(complete|full|entire) (history|archive|record|set)\b/i, weight: 1.5 },

  // tool-use (wording; the decisive signal is tools passed)
  { type: 'tool-use', pattern: /\b(use|call|invoke) (the|your|available|a|these|the following) (tools?|functions?)\b|\bfunction call(ing)?\b|\btool call(s|ing)?\b/i, weight: 1.5 },

  // vision (wording; the decisive signal is an image part)
  // Wording alone is weak: without an image part the call rarely needs a vision model.
  { type: 'vision', pattern: /\b(image|photo|photograph|picture|screenshot|scanned|diagram|x-ray|handwriting|ocr|what do you see)\b/i, weight: 0.6 },
];

/** Where the text came from; names and user text say less than a system prompt. */
type SourceKind = 'system' | 'user' | 'assistant' | 'name';
const SOURCE_WEIGHT: Record<SourceKind, number> = { system: 1, user: 0.8, assistant: 0.3, name: 0.6 };
const SOURCE_LABEL: Record<SourceKind, string> = {
  system: 'system prompt',
  user: 'user prompt',
  assistant: 'assistant message',
  name: 'code names',
};

const FILE_NAME_WEIGHT = 0.3;
/** How much a helper's name counts beside a caller's function name that hints a task of its own. */
const HELPER_BESIDE_FEATURE_NAME = 0.5;

interface Scoreboard {
  scores: Map<TaskType, number>;
  reasons: Map<TaskType, string[]>;
  /** Wording rules already counted per kind of message (`3:user`): few-shot examples repeat one instruction, which says the task once. */
  counted?: Set<string>;
}

function add(board: Scoreboard, type: TaskType, weight: number, reason: string): void {
  board.scores.set(type, (board.scores.get(type) ?? 0) + weight);
  const list = board.reasons.get(type) ?? [];
  // Two rules matching the same sentence add up in the score but read as one reason.
  if (!list.includes(reason)) list.push(reason);
  board.reasons.set(type, list);
}

/** The sentence around a match (at most ~120 characters), so the reason can be checked against the code. */
function quote(text: string, index: number, length: number): string {
  const boundary = /[.!?\n]/;
  let start = index;
  while (start > 0 && index - start < 80 && !boundary.test(text[start - 1])) start--;
  let end = index + length;
  while (end < text.length && end - index < 100 && !boundary.test(text[end])) end++;
  if (end < text.length && /[.!?]/.test(text[end])) end++;
  const snippet = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const cutStart = start > 0 && !boundary.test(text[start - 1]);
  const cutEnd = end < text.length && !boundary.test(text[end - 1]) && !boundary.test(text[end]);
  return `${cutStart ? '…' : ''}${snippet}${cutEnd ? '…' : ''}`;
}

/** `summarizeArticle`, `src/support/triage-ticket.ts` → "summarize article", "src support triage ticket ts". */
export function splitIdentifierWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-./\\]+/g, ' ')
    .toLowerCase()
    .trim();
}

const HOLE_MARKER = /\{\{[\s\S]*?\}\}/g;
const LANGUAGE_NAMES = /\b(english|french|spanish|german|italian|portuguese|dutch|japanese|chinese|mandarin|korean|arabic|hindi|russian|turkish|polish|swedish|norwegian|danish|finnish|greek|hebrew|thai|vietnamese|indonesian|ukrainian|czech|romanian|hungarian)\b/gi;
/** The same names, for a yes/no test (no `g` flag, so no lastIndex carried between tests). */
const NAMES_A_LANGUAGE = new RegExp(LANGUAGE_NAMES.source, 'i');
/** `into {{targetLocale}}`: the target language is filled in at run time. */
const LANGUAGE_HOLE = /\b(in|into|to)\s+\{\{[^}]*(lang|locale)[^}]*\}\}/i;

/** How much of a long system prompt counts as its opening, and the extra weight a rule matching there gets. */
const OPENING_CHARS = 400;
const OPENING_BONUS = 1;

/** A wording rule that matched, and the sentence around its first match (for the reason). */
interface RuleMatch {
  rule: number;
  quote: string;
}

/**
 * What the wording rules find in one message text. A pure function of the text, so it is worked out
 * once per text and kept (see findingsFor): few-shot prompts and shared prompt constants send the same
 * text from many calls, and each text is tested against every rule (midday's 104 messages are 52 texts).
 */
interface TextFindings {
  /** The first match of each rule in the whole text, in rule order. */
  matches: RuleMatch[];
  /** The same over the opening of a long text (OPENING_CHARS), or undefined when the text is not long; worked out on first use (system prompts only). */
  opening?: RuleMatch[];
  long: boolean;
  /** The language names the text names, lower case, in order of first appearance. */
  languages: string[];
  /** `into {{targetLocale}}` in the raw text. */
  languageHole: string | undefined;
  /** Whether the raw text names a language or has a language hole (namesLanguage); worked out on first use. */
  namesLanguage?: boolean;
  /** The text with holes blanked and credentials redacted (what the rules read). */
  text: string;
}

/** Findings per raw message text; bounded so a long editor session (prompts edited as typed) does not grow it without end. */
const findingsByText = new Map<string, TextFindings>();
const FINDINGS_LIMIT = 2_000;

function ruleMatches(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  TEXT_RULES.forEach((rule, index) => {
    const match = rule.pattern.exec(text);
    if (match) matches.push({ rule: index, quote: quote(text, match.index, match[0].length) });
  });
  return matches;
}

function findingsFor(rawText: string): TextFindings {
  let findings = findingsByText.get(rawText);
  if (findings) return findings;
  const text = redactCredentials(rawText.replace(HOLE_MARKER, '…'));
  const languageHole = LANGUAGE_HOLE.exec(rawText);
  findings = {
    matches: ruleMatches(text),
    long: text.length > OPENING_CHARS * 2,
    languages: [...new Set((text.match(LANGUAGE_NAMES) ?? []).map((l) => l.toLowerCase()))],
    languageHole: languageHole ? languageHole[0] : undefined,
    text,
  };
  if (findingsByText.size >= FINDINGS_LIMIT) findingsByText.clear();
  findingsByText.set(rawText, findings);
  return findings;
}

/** Applies the wording rules to one message. Hole markers are blanked first: `{{diff}}` is a name, not wording; credentials too, since reasons quote the text. */
function scoreText(board: Scoreboard, rawText: string, source: SourceKind): void {
  if (!rawText.trim()) return;
  const factor = SOURCE_WEIGHT[source];
  const where = SOURCE_LABEL[source];
  const findings = findingsFor(rawText);
  const counted = (board.counted ??= new Set());
  for (const { rule: index, quote: said } of findings.matches) {
    if (counted.has(`${index}:${source}`)) continue;
    counted.add(`${index}:${source}`);
    const rule = TEXT_RULES[index];
    add(board, rule.type, rule.weight * factor, `${where} says "${said}"`);
  }
  // Naming two or more languages in one instruction is a translation tell ("Japanese and Korean ... from the English").
  // The opening of a system prompt says what the call is for ("You are a ... that writes commit messages");
  // a long prompt's later rules and examples mention many other things.
  if (source === 'system' && findings.long) {
    findings.opening ??= ruleMatches(findings.text.slice(0, OPENING_CHARS));
    for (const { rule: index, quote: said } of findings.opening) {
      const rule = TEXT_RULES[index];
      add(board, rule.type, rule.weight * factor * OPENING_BONUS, `${where} opens with "${said}"`);
    }
  }
  const languages = findings.languages;
  if (languages.length >= 2) add(board, 'translation', 1.5 * factor, `${where} names ${languages.length} languages (${languages.join(', ')})`);
  if (findings.languageHole !== undefined) add(board, 'translation', 2 * factor, `${where} targets a run-time language: "${findings.languageHole}"`);
}

/**
 * `prepareMessages(messages, files)`, `buildPrompt({ messages, preprompt })`, `messages.map((m) => ...)`: the turns
 * handed on in another format, still turns. A call that makes text of them (`formatHistoryAsString(history)`,
 * `history.join('\n')`, `JSON.stringify(messages)`) or picks one message (`messages[0]`, `.content`) is not.
 */
export function convertsTurns(expression: string): boolean {
  if (/join\(|stringify|string|transcript|format\w*(text|string)/i.test(expression)) return false;
  if (/\b(messages|history|conversation|turns)\s*(\[|\.(at|content|text)\b)/i.test(expression)) return false;
  const receiverMaps = /^[\w$.]*\b(messages|history|conversation|turns|dialog(ue)?)\s*\.\s*(map|filter|slice|concat)\s*\(/i.test(expression);
  const passedToConverter = /^(this\.)?[\w$.]+\(\s*\{?\s*([\w$]+\.)*(messages|history|chat_?history|conversation|turns|dialog(ue)?)\s*[,)}]/i.test(expression);
  return receiverMaps || passedToConverter;
}

/** Whether the prompt names a natural language or fills one in at run time (`into {{targetLocale}}`, a `lang` value). */
function namesLanguage(call: DetectedCall): boolean {
  return call.messages.some((message) => textNamesLanguage(message.text) || message.holes.some((hole) => /(lang|locale)/i.test(hole.expression)));
}

/** Whether a raw message text names a natural language or has a run-time language hole (kept with the text's findings). */
function textNamesLanguage(rawText: string): boolean {
  const findings = findingsFor(rawText);
  findings.namesLanguage ??= NAMES_A_LANGUAGE.test(rawText) || findings.languageHole !== undefined;
  return findings.namesLanguage;
}

const CODE_NAME_HINTS: Array<{ type: TaskType; pattern: RegExp; weight: number }> = [
  { type: 'summarization', pattern: /\b(summar\w*|tldr|digest|recap)\b/, weight: 3 },
  // An evaluator's or grader's call (`evaluateTranslation`, `gradeAnswer`) hands back a score or verdict on its input, whatever the input is.
  { type: 'classification', pattern: /\b(classif\w*|categori\w*|sentiment|triage|label\w*|tag\w*|detect\w*|intent|decide|judge|determine|evaluat\w*|grade|grader|grading)\b/, weight: 3 },
  { type: 'extraction', pattern: /\b(extract\w*|parse\w*|ner|entities|scrape\w*)\b/, weight: 3 },
  { type: 'translation', pattern: /\b(translat\w*|locali[sz]\w*|i18n)\b/, weight: 3 },
  { type: 'rag-qa', pattern: /\b(rag|retriev\w*|grounded|knowledge|kb|faq|docs qa|ask docs|answer question|qa)\b/, weight: 2 },
  { type: 'chat', pattern: /\b(chat\w*|converse|conversation|companion|assistant|bot)\b/, weight: 2 },
  // A bot's `getGptReply(prompt)`, `generateReply(message)`: getting the answer to what a user said (`translateReply` works on one).
  { type: 'chat', pattern: /\b(get|generate|fetch|make|create|compose)\w*( \w+){0,3} repl(y|ies)\b/, weight: 2 },
  // Fill-in-the-middle and autocompletion (`_streamFim`, `core/autocomplete/`) complete code at the cursor.
  { type: 'code-generation', pattern: /\b(codegen|generate code|code|sql|refactor\w*|fix bug|write tests?|unit tests?|lint\w*|fim|infill\w*|autocomplet\w*)\b/, weight: 2 },
  // A genre named alone (`analyzeEmailBehavior`, `isColdEmail`, `postId`) is what the code handles, not what it writes.
  { type: 'boilerplate-generation', pattern: /\b(newsletter|marketing|tagline|product description|tweet|boilerplate|(write|compose|generate|create) (an? )?(email|post|copy|template)s?)\b/, weight: 2 },
  { type: 'complex-reasoning', pattern: /\b(reason\w*|solve\w*|prove|proof|plan\w*|analy[sz]e legal|math|riddle|puzzle|optimi[sz]\w*)\b/, weight: 2 },
  { type: 'vision', pattern: /\b(image|photo|vision|ocr|screenshot)\b/, weight: 1.5 },
  { type: 'other', pattern: /\b(rewrite\w*|rephrase\w*|paraphrase\w*|proofread\w*|polish\w*|brainstorm\w*|poem|story)\b/, weight: 2 },
  { type: 'embedding', pattern: /\b(embed\w*|vectori[sz]e)\b/, weight: 1.5 },
  { type: 'title-generation', pattern: /\b(title|titles|name (chat|thread|conversation))\b/, weight: 2.5 },
  { type: 'commit-message', pattern: /\b(commit|commits|commit message)\b/, weight: 3 },
  { type: 'query-generation', pattern: /\b(query (generator|gen|rewrite|rewriter)|search query|rewrite query|generate quer\w*|standalone question)\b/, weight: 2.5 },
  { type: 'reranking', pattern: /\b(rerank\w*|re rank\w*)\b/, weight: 3 },
  // An agent's step (`determineNextAction`, `planNextStep`): the model picks the next action of an agent.
  { type: 'tool-use', pattern: /\b(next (action|step|move)|agent step|browser (agent|automation))\b/, weight: 3 },
  { type: 'moderation', pattern: /\b(moderat\w*|guardrail\w*|safety check|content filter)\b/, weight: 3 },
  { type: 'long-form-writing', pattern: /\b(report|article|essay|blog|document writer|write document)\b/, weight: 1.5 },
];

/** Name hints a run-time value's name does not give: what it holds is the input (an image, a title, an email), not the task. */
const INPUT_BLIND_HINTS: ReadonlySet<TaskType> = new Set(['vision', 'embedding', 'boilerplate-generation', 'title-generation']);

/** What a reply's own name says that a function's does not: a reply stored as `query` or `keywords` is a query the code runs next. */
const REPLY_NAME_HINTS: typeof CODE_NAME_HINTS = [
  { type: 'query-generation', pattern: /\b(query|queries|search (term|terms)|keywords?|standalone question|rephrased question)\b/, weight: 2.5 },
];

/** Name hints the name of a reply does not give: `chatResponse`, `imageResult`, `embeddingResult` name where the reply came from. */
const REPLY_BLIND_HINTS: ReadonlySet<TaskType> = new Set(['chat', 'vision', 'embedding']);

const HTTP_METHOD_NAME = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
/** A function named as a yes/no question: `shouldExtract`, `checkShouldExtract`, `isRelevant`, `isSpam`, `hasPii`, `aiIsColdEmail`. */
const YES_NO_NAME = /^(ai )?(check |verify |decide |ask )?(should|whether|is|has|needs)( \w+)+$/;
const YES_NO_NAME_WEIGHT = 3;
const CHOICE_NAME = /\b(route|router|routing|select|selection|choose|choice|pick)\b/;
const CHOICE_NAME_WEIGHT = 3;

function scoreNames(board: Scoreboard, call: DetectedCall): void {
  const names: Array<[string, string]> = [];
  // A helper's request read through the one call the app makes of it is named by that call, as a wrapper-caller is.
  const reader = call.soleCaller;
  const functionName = reader ? reader.function : call.enclosingFunction;
  if (functionName) names.push(['function', functionName]);
  // A wrapper-caller's request is made by the helper it calls: its name says what the feature asks for.
  if (call.via || reader) names.push(['helper', reader?.helper ?? call.via!.function]);
  if (call.structuredOutputName) names.push(['output schema', call.structuredOutputName]);
  if (call.replyName) names.push(['reply', call.replyName]);
  for (const tool of call.forcedTool ? [call.forcedTool] : []) names.push(['forced tool', tool]);
  const file = reader?.file ?? call.file;
  if (file) names.push(['file', file.split('/').slice(-2).join('/')]);
  const intoStructure = (call.features.structuredOutput || call.structuredOutputName !== undefined) && !namesLanguage(call);
  let functionHinted = false;
  for (const [what, raw] of names) {
    // A route handler named for its HTTP method (`POST`, `GET`) says how it is reached, not what it does.
    if (what === 'function' && HTTP_METHOD_NAME.test(raw)) continue;
    // A folder or file name covers many calls, so it says less about this one than its function name.
    // A helper's name weighs half when the caller's own function already says what the feature is (`generateTitle`
    // calling `getChatCompletion`): the helper serves every feature, the function is this one.
    const factor = what === 'file' ? FILE_NAME_WEIGHT : what === 'forced tool' || what === 'reply' ? 1 : what === 'helper' && functionHinted ? SOURCE_WEIGHT.name * HELPER_BESIDE_FEATURE_NAME : SOURCE_WEIGHT.name;
    const words = splitIdentifierWords(raw);
    // A forced tool named for a choice (`route_query`, `select_speaker`) hands back the option picked.
    if (what === 'forced tool' && CHOICE_NAME.test(words)) add(board, 'classification', CHOICE_NAME_WEIGHT * factor, `${what} \`${raw}\` names a choice: the answer is the option picked`);
    // `shouldExtract`, `checkShouldSummarize`, `isRelevant`: a yes/no question about the work the rest of the name says, so the answer is a verdict.
    if (what !== 'file' && YES_NO_NAME.test(words)) {
      add(board, 'classification', YES_NO_NAME_WEIGHT * factor, `${what} name \`${raw}\` asks a yes/no question: the answer is a verdict`);
      continue;
    }
    for (const hint of what === 'reply' ? [...CODE_NAME_HINTS, ...REPLY_NAME_HINTS] : CODE_NAME_HINTS) {
      // A reply called `chatResponse` or `imageResult` says what came back from where, not what was asked for.
      if (what === 'reply' && REPLY_BLIND_HINTS.has(hint.type)) continue;
      const match = hint.pattern.exec(words);
      if (!match) continue;
      // `translate` whose output is checked against a schema, with no language in sight, translates text into data.
      if (what === 'function') functionHinted = true;
      if (hint.type === 'translation' && intoStructure) add(board, 'extraction', hint.weight * factor, `${what} name \`${raw}\` with structured output and no language named: text translated into a structure`);
      else add(board, hint.type, hint.weight * factor, `${what} name \`${raw}\` suggests ${hint.type}`);
    }
  }
}

const RETRIEVED_CONTEXT_WEIGHT = 3;

/** Weight of earlier turns passed whole: a hint of chat; with structured output only the input (below the structured-output hint). */
const TURNS_WEIGHT = 1.2;
const STRUCTURED_TURNS_WEIGHT = 0.5;

/** Weight of an output schema's shape (labels only, an API of functions): above the most "answer in JSON" wording scores. */
const SCHEMA_SHAPE_WEIGHT = 8;

/** Score every task type for a call and pick the best one. */
/** Below this many input tokens the count plays no part in the task (so a call need not be classified again once counted). */
export const LONG_CONTEXT_MIN_INPUT_TOKENS = 32_000;

export function classifyTask(call: DetectedCall, inputTokens: number): TaskClassification {
  // Read once per call object (calls are never edited, a change makes a new object): the scan reads a helper's callers
  // before pricing reads them again.
  if (inputTokens !== 0) return classifyTaskOnce(call, inputTokens);
  let known = CLASSIFIED.get(call);
  if (!known) CLASSIFIED.set(call, (known = classifyTaskOnce(call, 0)));
  return known;
}

const CLASSIFIED = new WeakMap<DetectedCall, TaskClassification>();

function classifyTaskOnce(call: DetectedCall, inputTokens: number): TaskClassification {
  if (call.annotation?.task) {
    return {
      type: call.annotation.task,
      confidence: 1,
      reasons: [`set by annotation \`${call.annotation.raw.trim()}\` (line ${call.annotation.line})`],
      source: 'annotation',
    };
  }

  // The endpoint decides outright: an embedding call is an embedding whatever its text says.
  if (call.endpoint === 'embedding') return decided('embedding', 'endpoint is embeddings');
  if (call.endpoint === 'rerank') return decided('reranking', 'endpoint is rerank');
  if (call.endpoint === 'image-generation') return decided('image-generation', 'endpoint generates images');
  if (call.endpoint === 'audio-speech') return decided('speech', 'endpoint is text-to-speech');
  if (call.endpoint === 'audio-transcription') return decided('speech', 'endpoint is speech-to-text');
  // A chat request asking for image output (`modalities: ['image', 'text']`) generates an image whatever its prompt says; one asking for audio speaks.
  if (call.outputModalities?.includes('image')) return decided('image-generation', 'the request asks for image output (modalities)');
  if (call.outputModalities?.includes('audio')) return decided('speech', 'the request asks for spoken (audio) output (modalities)');
  // A realtime session is a spoken conversation (speech in, speech out) whatever its instructions are about.
  if (call.messages.some((message) => message.role === 'user' && message.text === REALTIME_AUDIO_TURN_TEXT)) return decided('speech', 'realtime voice session: the end user speaks each turn');

  const board: Scoreboard = { scores: new Map(), reasons: new Map() };
  const structured = call.features.structuredOutput || call.structuredOutputName !== undefined;
  let contextCounted = false;

  const holeHintsCounted = new Set<TaskType>();
  for (const message of call.messages) {
    const source: SourceKind =
      message.role === 'system' || message.role === 'developer' ? 'system' : message.role === 'assistant' ? 'assistant' : message.role === 'tool' ? 'assistant' : 'user';
    scoreText(board, message.text, source);
    for (const hole of message.holes) {
      // Retrieved context is one signal however many pieces it comes in (`doc.markdown`, `doc.url`).
      if (hole.kind === 'rag-context') {
        add(board, 'rag-qa', contextCounted ? 0 : RETRIEVED_CONTEXT_WEIGHT, `retrieved context passed in \`${hole.expression}\``);
        contextCounted = true;
      }
      // A spread of earlier turns (`...history`) is a real conversation; a `${transcript}` pasted into
      // a prompt is only text that the analyzer named like history.
      const wholeMessage = message.text.trim() === `{{${hole.expression}}}` || message.text.trim() === `{{...${hole.expression}}}`;
      // `thread.join('\n')` is text made from a thread, not earlier turns handed to the model.
      // `messages[messages.length - 1].content` is one message's text, not the turns.
      const turnsName = /(history|messages|conversation|turns|chat|previous|exchanges|dialog)/i.test(hole.expression) && !/transcript|\(|\[|\.(content|text)\b/i.test(hole.expression);
      if (hole.kind === 'history' && (hole.expression.startsWith('...') || /\.push\(/.test(hole.expression) || (wholeMessage && (turnsName || convertsTurns(hole.expression))))) {
        // Earlier turns are how most calls pass their input, not only chat: a hint, never the decider.
        // A reply checked against a schema is an object, never a chat turn: there the turns are only the input.
        add(board, 'chat', structured ? STRUCTURED_TURNS_WEIGHT : TURNS_WEIGHT, `conversation history passed in \`${hole.expression}\`${structured ? ' (the reply is structured output)' : ''}`);
      }
      if (hole.kind === 'message-array') add(board, 'chat', 0.5, `messages built at run time (\`${hole.expression}\`)`);
      if (hole.kind === 'image') add(board, 'vision', 5, `image passed in \`${hole.expression}\``);
      // Hole names are code names too (`{{retrievedDocs}}`, `{{articleText}}`). They name the input, so a kind of text
      // (`email.subject`, `post.body`, `template`, a document's `title`) says what is handed in, not what is written: no
      // boilerplate or title signal. A prompt built from many fields of one record (`email.from`, `email.to`) says each thing once.
      const words = splitIdentifierWords(hole.expression.replace(/^\.\.\./, ''));
      for (const hint of CODE_NAME_HINTS) {
        if (INPUT_BLIND_HINTS.has(hint.type) || holeHintsCounted.has(hint.type)) continue;
        if (hint.pattern.test(words)) {
          add(board, hint.type, hint.weight * 0.4, `run-time value \`${hole.expression}\` suggests ${hint.type}`);
          holeHintsCounted.add(hint.type);
        }
      }
    }
  }
  if (call.messages.some((m) => m.role === 'assistant')) add(board, 'chat', 0.8, 'earlier assistant turns in the messages');

  scoreNames(board, call);

  // Structural signals: what the call needs from the model.
  if (call.forcedTool) {
    // A forced tool is an output schema: the model fills in its arguments once, it does not choose actions.
    add(board, 'extraction', 1, `the model must call \`${call.forcedTool}\` (structured output through a forced tool)`);
  } else if (call.toolNames.length > 0 && call.toolNames.every((name) => HOSTED_RETRIEVAL_TOOL.test(name))) {
    // The provider's own file search (OpenAI's `file_search` over a vector store) picks no actions of the app's: the model
    // answers from the documents the provider retrieves for it, which is retrieval-augmented answering.
    add(board, 'rag-qa', 6.5, `the only tool is the provider's hosted file search (${call.toolNames.join(', ')}): answers from retrieved documents`);
  } else if (call.toolNames.length > 0 || call.features.tools) {
    const n = call.toolNames.length;
    const known = call.toolNames.filter((name) => !name.startsWith('{{'));
    // Tools handed in at run time (a helper's optional parameter) may be absent on many calls.
    const weight = known.length > 0 || n === 0 ? 6 + Math.min(n, 6) * 0.5 : 3;
    add(board, 'tool-use', weight, n ? `tools: ${n} function${n > 1 ? 's' : ''} (${call.toolNames.slice(0, 4).join(', ')}${n > 4 ? ', …' : ''})` : 'tools passed');
  }
  // A helper sending only what its callers pass is doing what they do.
  if (call.callersTask) add(board, call.callersTask.type, CALLERS_TASK_WEIGHT, `${call.callersTask.callers} of the ${call.callersTask.of} callers passing this helper its whole prompt are read as ${call.callersTask.type}`);
  // A repair loop re-sends one request with its validation error: several requests, but no actions chosen.
  // A step that sends no tools itself (a moderator picking the next speaker in a group chat) leans less on it.
  if (call.features.multiStep && !call.steps?.repair) {
    if (call.features.tools || call.toolNames.length > 0) add(board, 'tool-use', 3, 'runs as a multi-step agent loop');
    else add(board, 'tool-use', 1, 'a step of a multi-step agent loop, sending no tools itself');
  }
  // Images the class may attach (user uploads) make the call need a vision model, not a vision task.
  if (call.features.vision && !call.imagesElsewhere) add(board, 'vision', 5, 'an image is part of the input');
  // An output schema whose every field is one of fixed values (strings, a boolean) asks the model to pick a label or give a verdict.
  // The schema says what the JSON holds, so it outweighs a prompt that only says it wants JSON (or a translation into it).
  if (call.structuredOutputShape === 'labels') add(board, 'classification', SCHEMA_SHAPE_WEIGHT, `every field of the output schema${call.structuredOutputName ? ` ${call.structuredOutputName}` : ''} is one of fixed values: the answer is a label or a verdict`);
  // An output schema that is an API of functions asks for a program of calls to them: the model picks the actions.
  if (call.structuredOutputShape === 'actions') add(board, 'tool-use', SCHEMA_SHAPE_WEIGHT, `the output schema${call.structuredOutputName ? ` ${call.structuredOutputName}` : ''} is an API of functions: the answer is a program of calls to them`);
  if (call.structuredOutputName || call.features.structuredOutput) {
    add(board, 'extraction', 1, `structured output requested${call.structuredOutputName ? ` (${call.structuredOutputName})` : ''}`);
  }
  const max = call.maxOutputTokens;
  if (max !== null && max !== undefined) {
    if (max <= 16) add(board, 'classification', 2.5, `max tokens ${max}: a one-word or label answer`);
    else if (max <= 60) add(board, 'classification', 0.8, `max tokens ${max}: a short answer`);
    else if (max >= 4000) add(board, 'complex-reasoning', 0.3, `max tokens ${max}: room for long output`);
  }
  // The model never says what the call does: a reasoning model chosen today must not make the task
  // "complex-reasoning", which would rule out every open option by the choice being judged.
  if (inputTokens >= 100_000) add(board, 'long-context', 8, `input ≈ ${inputTokens.toLocaleString('en-US')} tokens (100K+)`);
  else if (inputTokens >= LONG_CONTEXT_MIN_INPUT_TOKENS) add(board, 'long-context', 1.5, `input ≈ ${inputTokens.toLocaleString('en-US')} tokens`);

  return pick(board);
}

function decided(type: TaskType, reason: string): TaskClassification {
  return { type, confidence: 0.99, reasons: [reason], source: 'inferred' };
}

/**
 * Task types that are a specific kind of a broader one: when the broader one wins but the prompt also says
 * the specific work clearly (score at least SPECIFIC_MIN_SCORE), the specific type is the better answer
 * (a moderation check is a classification, but its viable models differ).
 */
const SPECIALISATIONS: Partial<Record<TaskType, TaskType[]>> = {
  classification: ['moderation', 'reranking'],
  'boilerplate-generation': ['title-generation', 'commit-message', 'long-form-writing'],
  summarization: ['title-generation', 'commit-message'],
  other: ['query-generation', 'long-form-writing', 'code-editing'],
  'code-generation': ['code-editing'],
  chat: ['query-generation', 'title-generation'],
  extraction: ['title-generation'],
};
const SPECIFIC_MIN_SCORE = 2.4;

/** What the callers of a helper with no prompt of its own are read as: more than names alone say, less than tools passed. */
const CALLERS_TASK_WEIGHT = 3;

function pick(board: Scoreboard): TaskClassification {
  const ranked = TASK_TYPES.map((type) => ({ type, score: board.scores.get(type) ?? 0 }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score);

  if (ranked.length === 0) {
    // Nothing to go on: say so rather than guess a specific task.
    return { type: 'other', confidence: 0.2, reasons: ['no task signals found in prompt, names or parameters'], source: 'inferred' };
  }
  const specific = (SPECIALISATIONS[ranked[0].type] ?? [])
    .map((type) => ranked.find((entry) => entry.type === type))
    .filter((entry): entry is { type: TaskType; score: number } => entry !== undefined && entry.score >= SPECIFIC_MIN_SCORE)
    .sort((a, b) => b.score - a.score)[0];
  if (specific) {
    board.reasons.set(specific.type, [...(board.reasons.get(specific.type) ?? []), `a specific kind of ${ranked[0].type} (score ${ranked[0].score.toFixed(1)})`]);
    ranked.splice(ranked.indexOf(specific), 1);
    ranked.unshift({ type: specific.type, score: Math.max(specific.score, ranked[0].score) });
  }
  const [top, second] = ranked;
  const margin = second ? (top.score - second.score) / top.score : 1;
  // Confidence grows with the margin over the runner-up and with the absolute evidence.
  // Confidence needs both a margin over the runner-up and enough evidence: one weak hint alone
  // (score ~1) stays below 0.5 however far ahead it is.
  const evidence = Math.min(1, top.score / 4);
  const confidence = Math.round(Math.min(0.97, Math.max(0.2, 0.2 + 0.77 * margin * evidence)) * 100) / 100;
  const reasons = [...(board.reasons.get(top.type) ?? [])];
  if (second) reasons.push(`runner-up: ${second.type} (score ${second.score.toFixed(1)} vs ${top.score.toFixed(1)})`);
  return { type: top.type, confidence, reasons, source: 'inferred', ...(second ? { runnerUp: second.type } : {}) };
}
