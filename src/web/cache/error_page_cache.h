// Error pages rendered once, not per request. A 404 (or 410, 429, ...) page depends on the
// site, its locale and status only, apart from the year in its footer and the section bar in
// its header; rendering it from the template cost about eight article pages (145 µs against
// 18 µs on one core), so requests for random paths were the cheapest way to load the server.
//
// Each entry keeps the section list it was rendered with (the bar swaps a new list in whole on
// a change, so a different pointer means a different bar) and the year; either changing
// renders the page again. The reader's account menu is a hole that the response is filled
// through on the way out (web/request/account_menu.h), as for any page not spliced.
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace warta::web {

class ErrorPageCache {
 public:
  // The page for `status` rendered with `sections` (the section bar's current list, or null)
  // in `year`: the kept one when both match, else render()'s result, kept for the next call.
  // Statuses are bounded (100-599), so the cache is too.
  std::shared_ptr<const std::string> Get(int status, std::shared_ptr<const void> sections, int year,
                                         const std::function<std::string()>& render);

 private:
  struct Entry {
    std::shared_ptr<const std::string> html;
    std::shared_ptr<const void> sections;
    int year = 0;
  };
  std::mutex mutex_;
  std::map<int, Entry> entries_;
};

}  // namespace warta::web
