// The site every request renders with, swappable while serving: the admin saves the site's
// settings, Context::reload_site builds a new Site and Store()s it here, and requests that
// start afterwards see it (docs/configuration.md "Site settings").
//
// Ownership: copies share one holder, so a cache that keeps a copy (PopularLists) follows the
// swaps. Store() releases the holder's reference to the old Site; whoever still uses it keeps
// it alive through a shared_ptr from Load() or a SitePin.
//
// Thread safety: every method may be called from any thread. Load() and Store() are atomic.
// operator*, operator-> and get() return the Site pinned on the calling thread (WebApp pins
// one per request, so a request renders with one Site from start to end even when a reload
// lands meanwhile); without a pin they return the current one, valid only until the next
// Store() — fine for tests and commands that never reload, wrong for long-lived threads,
// which call Load().
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "web/site.h"

namespace warta::web {

class SharedSite {
 public:
  // Implicit, so aggregate initialization of Context with a shared_ptr keeps working.
  SharedSite(std::shared_ptr<const Site> site);  // NOLINT(google-explicit-constructor)

  // The current site; the caller's shared_ptr keeps it alive.
  std::shared_ptr<const Site> Load() const;
  // Makes `site` current and bumps generation(). Caches that rendered with the old one are
  // the caller's to drop (Context::reload_site does).
  void Store(std::shared_ptr<const Site> site);
  // Starts at 0; +1 per Store().
  std::uint64_t generation() const;

  const Site& operator*() const { return *get(); }
  const Site* operator->() const { return get(); }
  const Site* get() const;
  explicit operator bool() const { return get() != nullptr; }

 private:
  friend class SitePin;
  struct State {
    std::atomic<std::shared_ptr<const Site>> current;
    std::atomic<std::uint64_t> generation{0};
  };
  std::shared_ptr<State> state_;
};

// Pins the current site of `site` on this thread for the pin's lifetime (one request).
// Pins nest: the inner one wins until it ends.
class SitePin {
 public:
  explicit SitePin(const SharedSite& site);
  ~SitePin();
  SitePin(const SitePin&) = delete;
  SitePin& operator=(const SitePin&) = delete;

 private:
  const void* previous_state_;
  std::shared_ptr<const Site> previous_site_;
};

}  // namespace warta::web
