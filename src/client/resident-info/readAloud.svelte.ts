/**
 * Reads text with the device's speech synthesis, only when it has a voice for the language: with none,
 * the button is hidden rather than reading Tigrinya with an English voice. Voices arrive late on some
 * browsers, hence `voiceschanged`.
 */
// Voices are tagged with BCP 47 codes; Dari (prs) is read by a Persian voice, Norwegian by any of them.
const VOICE_LANGUAGES: Record<string, string[]> = { prs: ['prs', 'fa'], nb: ['nb', 'no'], nn: ['nn', 'no', 'nb'] };

class ReadAloud {
  #voices = $state<SpeechSynthesisVoice[]>([]);
  speaking = $state(false);

  constructor() {
    if (typeof speechSynthesis === 'undefined') return;
    const refresh = () => (this.#voices = speechSynthesis.getVoices());
    refresh();
    speechSynthesis.addEventListener('voiceschanged', refresh);
  }

  voiceFor(lang: string): SpeechSynthesisVoice | undefined {
    const wanted = VOICE_LANGUAGES[lang] ?? [lang];
    return this.#voices.find((v) => wanted.includes(v.lang.toLowerCase().split(/[-_]/)[0] ?? ''));
  }

  speak(text: string, lang: string): void {
    const voice = this.voiceFor(lang);
    if (!voice) return;
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = utterance.onerror = () => (this.speaking = false);
    this.speaking = true;
    speechSynthesis.speak(utterance);
  }

  stop(): void {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    this.speaking = false;
  }
}

export const readAloud = new ReadAloud();
