// Messages of the widgets and interact() (src/widgets/), in French.
export const widgets = {
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
};
