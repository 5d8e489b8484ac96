#include "web/shared_site.h"

#include <utility>

namespace warta::web {
namespace {

// The site pinned on this thread and the holder it was pinned from: a pin from one holder
// says nothing about another (tests run several apps in one process).
thread_local const void* pinned_state = nullptr;
thread_local std::shared_ptr<const Site> pinned_site;

}  // namespace

SharedSite::SharedSite(std::shared_ptr<const Site> site) : state_(std::make_shared<State>()) {
  state_->current.store(std::move(site));
}

std::shared_ptr<const Site> SharedSite::Load() const { return state_->current.load(); }

void SharedSite::Store(std::shared_ptr<const Site> site) {
  state_->current.store(std::move(site));
  state_->generation.fetch_add(1);
}

std::uint64_t SharedSite::generation() const { return state_->generation.load(); }

const Site* SharedSite::get() const {
  if (pinned_state == state_.get()) return pinned_site.get();
  // Unpinned: the holder's own reference keeps the Site alive until the next Store().
  return state_->current.load().get();
}

SitePin::SitePin(const SharedSite& site)
    : previous_state_(pinned_state), previous_site_(std::move(pinned_site)) {
  pinned_state = site.state_.get();
  pinned_site = site.Load();
}

SitePin::~SitePin() {
  pinned_state = previous_state_;
  pinned_site = std::move(previous_site_);
}

}  // namespace warta::web
