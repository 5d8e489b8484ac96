// The fetcher when libcurl's multi interface itself fails. The fault is swapped into the
// loaded function table, which is ordinary process state, and put back afterwards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/fetcher/curl_library.h"
#include "ingest/fetcher/fetcher.h"

namespace warta::ingest::fetcher {
namespace {

class FailingMultiPerform {
 public:
  FailingMultiPerform() : table_(const_cast<CurlLibrary&>(Curl())), saved_(table_.multi_perform) {
    table_.multi_perform = [](CURLM*, int* running) {
      *running = 0;
      return CURLM_OUT_OF_MEMORY;
    };
  }
  ~FailingMultiPerform() { table_.multi_perform = saved_; }
  FailingMultiPerform(const FailingMultiPerform&) = delete;
  FailingMultiPerform& operator=(const FailingMultiPerform&) = delete;

 private:
  CurlLibrary& table_;
  decltype(CurlLibrary::multi_perform) saved_;
};

TEST(FetcherFaultTest, AFailingMultiPerformFailsEveryTransferWithItsCause) {
  FetchOptions options;
  options.max_concurrent = 1;  // one transfer running, the others waiting for a slot
  auto fetcher = Fetcher::Create(options);
  ASSERT_TRUE(fetcher.ok()) << fetcher.error().message;
  FailingMultiPerform fault;
  std::vector<FetchRequest> requests(3);
  requests[0].url = "http://a.example/feed";
  requests[1].url = "http://b.example/feed";
  requests[2].url = "http://c.example/feed";
  std::vector<std::string> errors(requests.size());
  int done = 0;
  (*fetcher)->Run(requests, [&](std::size_t i, FetchResponse response) {
    ++done;
    ASSERT_FALSE(response.ok());
    errors[i] = response.error->message;
  });
  EXPECT_EQ(done, 3);
  for (const std::string& error : errors) {
    EXPECT_EQ(error, "fetch: curl_multi_perform: Out of memory");
  }
}

}  // namespace
}  // namespace warta::ingest::fetcher
