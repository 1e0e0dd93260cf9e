// The widgets' user-facing messages, in both languages (to move into the library's catalog).
const MESSAGES = {
  fr: {
    minAboveMax: (min: string, max: string) => `options.min doit être inférieur ou égal à options.max, reçu min ${min} et max ${max}`,
    outOfRange: (name: string, value: string, min: number, max: number) => `${name} doit être entre ${min} et ${max}, reçu ${value}`,
    notAnOption: (value: string, options: string) => `options.value doit être l'une des options (${options}), reçu ${value}`,
    noOptions: "options.options doit contenir au moins une option : donnez par exemple { options: [\"CPU\", \"E/S\"] }",
    notAWidget: (name: string, value: string) => `${name} doit être un widget (slider, dropdown, checkbox…), reçu ${value}`,
    noControls: "interact attend au moins un contrôle, par exemple interact({ workers: slider({ min: 1, max: 8 }) }, fn)",
    computing: "calcul en cours…",
    interrupted: "Calcul interrompu : changez une valeur pour le relancer.",
    failed: (message: string) => `Le calcul a échoué : ${message}`,
    closed: "widget fermé",
  },
  en: {
    minAboveMax: (min: string, max: string) => `options.min must be at most options.max, got min ${min} and max ${max}`,
    outOfRange: (name: string, value: string, min: number, max: number) => `${name} must be between ${min} and ${max}, got ${value}`,
    notAnOption: (value: string, options: string) => `options.value must be one of the options (${options}), got ${value}`,
    noOptions: "options.options must hold at least one option: give for example { options: [\"CPU\", \"I/O\"] }",
    notAWidget: (name: string, value: string) => `${name} must be a widget (slider, dropdown, checkbox…), got ${value}`,
    noControls: "interact needs at least one control, for example interact({ workers: slider({ min: 1, max: 8 }) }, fn)",
    computing: "computing…",
    interrupted: "Computation interrupted: change a value to run it again.",
    failed: (message: string) => `The computation failed: ${message}`,
    closed: "closed widget",
  },
};

export function messages(): (typeof MESSAGES)["fr"] {
  return process.env.CONCURRENCE_LANG === "en" ? MESSAGES.en : MESSAGES.fr;
}
