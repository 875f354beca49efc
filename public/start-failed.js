// Shown when the app cannot start: its wasm could not be fetched (no
// connection on a first visit, before the offline copy exists), compiled
// (a browser without WebAssembly) or run. scripts/boot.js imports this file
// only then, so opening the app never downloads it. The app's own strings
// are in the wasm, which is what failed, so these five are here.
const texts = {
  en: ["Showplan could not start. Check your connection and try again. Your data stays saved on this device.", "Try again"],
  es: ["Showplan no pudo iniciarse. Revisa tu conexión e inténtalo de nuevo. Tus datos siguen guardados en este dispositivo.", "Reintentar"],
  ro: ["Showplan nu a putut porni. Verificați conexiunea și încercați din nou. Datele rămân salvate pe acest dispozitiv.", "Încercați din nou"],
  vi: ["Không thể khởi động Showplan. Hãy kiểm tra kết nối rồi thử lại. Dữ liệu của bạn vẫn được lưu trên thiết bị này.", "Thử lại"],
  id: ["Showplan tidak dapat dimulai. Periksa koneksi Anda, lalu coba lagi. Data Anda tetap tersimpan di perangkat ini.", "Coba lagi"],
};

// The language boot.js chose (the user's pick in the app, else the browser's).
const chosen = globalThis.showplanBoot?.lang;
const lang = chosen in texts ? chosen : "en";
const [message, again] = texts[lang];

const box = document.createElement("main");
box.className = "page";
box.lang = lang;
const text = document.createElement("p");
text.className = "message message-error";
text.setAttribute("role", "alert");
text.textContent = message;
const button = document.createElement("button");
button.type = "button";
button.textContent = again;
button.addEventListener("click", () => location.reload());
box.append(text, button);
document.body.prepend(box);
