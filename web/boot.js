// boot.js: loads the page (app.js) and says so when it cannot, for
// instance when the browser has no WebAssembly: the status line would
// otherwise say "Loading" for ever.
import("./app.js").catch((err) => {
  const status = document.getElementById("status");
  status.textContent = `The page could not start: ${err.message}. It needs a browser with JavaScript modules and WebAssembly.`;
  status.setAttribute("role", "alert");
});
