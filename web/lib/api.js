// The JSON API. Errors become ApiError with the server's message; endpoints that a server may
// not offer yet (suggest, related, CSV export) answer null on 404 so the page can do without.

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function getJson(url, { signal } = {}) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  } catch (e) {
    if (e.name === "AbortError") throw e;
    throw new ApiError("The server could not be reached. Check that news-search is running and try again.", 0, "network");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported below by status
  }
  if (!response.ok) {
    const message = body && body.error && body.error.message ? body.error.message : `the server answered ${response.status}`;
    throw new ApiError(message, response.status, body && body.error ? body.error.code : "http");
  }
  return body;
}

const missing = new Set();

/** Like getJson, but null when the endpoint does not exist on this server (404 not_found). */
export async function getOptionalJson(url, key, { signal } = {}) {
  if (missing.has(key)) return null;
  try {
    return await getJson(url, { signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === "not_found" && /no such resource/.test(e.message)) {
      missing.add(key);
      return null;
    }
    throw e;
  }
}
