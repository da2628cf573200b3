// Sign-in shared by the pages: OAuth 2.0 authorization code with PKCE (RFC 7636) as the public Keycloak client the
// page's /config.json names. Tokens live only in this page's memory (a reload signs in again through Keycloak's own
// session), so no other script of the origin can read them from storage.
window.AlfSignIn = function (config, handlers) {
  'use strict';

  let token = null;
  let refreshToken = null;
  let refreshTimer = null;

  function base64url(bytes) {
    let s = '';
    bytes.forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  /** Off to Keycloak's login page; {@code keep} (the page's filters) comes back to completeSignIn. */
  async function signIn(keep) {
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem('alf-pkce', JSON.stringify({ verifier, state, keep: keep || {} }));
    const params = new URLSearchParams({
      client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(), state,
      code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256'
    });
    location.assign(config.authServerUrl + '/protocol/openid-connect/auth?' + params);
  }

  /** After Keycloak's redirect: {signedIn, keep}; the code is taken off the address either way. */
  async function completeSignIn() {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) {
      return { signedIn: false, keep: {} };
    }
    const saved = JSON.parse(sessionStorage.getItem('alf-pkce') || '{}');
    sessionStorage.removeItem('alf-pkce');
    history.replaceState(null, '', redirectUri());
    if (params.has('error') || params.get('state') !== saved.state) {
      handlers.say('Inloggningen misslyckades / Sign-in failed', true);
      return { signedIn: false, keep: saved.keep || {} };
    }
    const signedIn = await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: redirectUri(), code_verifier: saved.verifier });
    return { signedIn, keep: saved.keep || {} };
  }

  async function tokenRequest(form) {
    const response = await fetch(config.authServerUrl + '/protocol/openid-connect/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(Object.assign({ client_id: config.clientId }, form))
    });
    if (!response.ok) {
      signedOut();
      handlers.say('Inloggningen har gått ut, logga in igen / Session expired, sign in again', true);
      return false;
    }
    const tokens = await response.json();
    token = tokens.access_token;
    refreshToken = tokens.refresh_token;
    clearTimeout(refreshTimer);
    // renew a little before the access token expires
    refreshTimer = setTimeout(() => tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      Math.max(10, (tokens.expires_in || 300) - 30) * 1000);
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    handlers.signedIn(claims.preferred_username || claims.sub || '', claims);
    return true;
  }

  function signedOut() {
    token = null;
    refreshToken = null;
    clearTimeout(refreshTimer);
    handlers.signedOut();
  }

  function signOut() {
    signedOut();
    const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
    location.assign(config.authServerUrl + '/protocol/openid-connect/logout?' + params);
  }

  return { signIn, completeSignIn, signOut, signedOut, token: () => token };
};
