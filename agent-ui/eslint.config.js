// ESLint for the pages in src/main/resources/webroot/js: browser ES modules, no framework.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["src/main/resources/webroot/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Build nodes with dom.js's h(): text stays text." },
        { property: "outerHTML", message: "Build nodes with dom.js's h(): text stays text." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "No HTML from strings." },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: "No document.write." },
      ],
    },
  },
];
