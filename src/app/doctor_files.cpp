// doctor: the data folder, the media folder, free disk space and the clock.
#include <pwd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "app/doctor.h"
#include "app/media_setup.h"

namespace warta::app::doctor {
namespace {

// Below this the database cannot grow for long (a day of views and comments is a few MB,
// a picture with its renditions a few MB more): a problem.
constexpr std::uint64_t kFailFreeBytes = std::uint64_t{100} << 20;
// Below this a busy newsroom fills the disk within weeks: worth a warning.
constexpr std::uint64_t kWarnFreeBytes = std::uint64_t{1} << 30;
// 2024-01-01T00:00:00Z: no correct clock shows an earlier time to a warta this new, while a
// machine without a battery-backed clock starts at 1970. Sessions, scheduled articles and
// the daily visitor salt all read the clock.
constexpr std::time_t kEarliestSaneTime = 1704067200;

std::string DirOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string OwnerName(uid_t uid) {
  const passwd* pw = getpwuid(uid);
  return pw != nullptr ? std::string(pw->pw_name) : std::to_string(uid);
}

// Creates and removes a file in `dir`, as the current user: what SQLite does with its
// journal and the media library with every picture. Empty on success, else why not.
std::string TryWrite(const std::string& dir) {
  std::string name = dir + "/.warta-doctor-XXXXXX";
  const int fd = mkstemp(name.data());
  if (fd < 0) return std::strerror(errno);
  close(fd);
  unlink(name.c_str());
  return "";
}

std::string GiB(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (1 << 30));
  return text;
}

// A folder warta must write: exists, is a folder, and takes a new file. `what` names it in
// the finding; `create_later` says serve creates it when it is missing.
Finding CheckWritableFolder(const std::string& what, const std::string& dir, bool create_later) {
  Finding f{Status::kOk, what, "", ""};
  struct stat st {};
  if (stat(dir.c_str(), &st) != 0) {
    const int error = errno;
    const std::string parent = DirOf(dir);
    if (create_later && access(parent.c_str(), W_OK) == 0) {
      f.message = dir + " does not exist yet; warta creates it on first use";
      return f;
    }
    f.status = Status::kFail;
    f.message = dir + ": " + std::strerror(error);
    f.fix =
        "create it for the user warta runs as: sudo install -d -o warta -g warta -m 0750 " + dir;
    return f;
  }
  if (!S_ISDIR(st.st_mode)) {
    f.status = Status::kFail;
    f.message = dir + " is not a folder";
    f.fix = "point the configuration at a folder (db.url, media.dir)";
    return f;
  }
  const std::string owner = OwnerName(st.st_uid);
  if (geteuid() == 0 && st.st_uid != 0) {
    // Root may write anywhere; what matters is whether the owner (the service) may.
    if ((st.st_mode & S_IWUSR) == 0) {
      f.status = Status::kFail;
      f.message = dir + " is owned by " + owner + " but not writable by it";
      f.fix = "sudo chmod u+rwx " + dir;
    } else {
      f.message = dir + " is owned by " + owner + ", who can write it";
    }
    return f;
  }
  if (const std::string error = TryWrite(dir); !error.empty()) {
    f.status = Status::kFail;
    f.message = dir + " is not writable by " + OwnerName(geteuid()) + ": " + error;
    f.fix = "make the user warta runs as its owner: sudo chown -R warta:warta " + dir;
    return f;
  }
  f.message = dir + " is writable";
  return f;
}

Finding CheckDisk(const std::string& dir) {
  Finding f{Status::kOk, "free disk", "", ""};
  struct statvfs vfs {};
  if (statvfs(dir.c_str(), &vfs) != 0) {
    f.status = Status::kWarn;
    f.message = "cannot measure free space at " + dir + ": " + std::strerror(errno);
    f.fix = "check the folder exists (see above)";
    return f;
  }
  const std::uint64_t free_bytes = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  f.message = GiB(free_bytes) + " free for " + dir;
  if (free_bytes < kFailFreeBytes) {
    f.status = Status::kFail;
    f.fix = "free space or move the data to a larger disk (at least 1 GiB)";
  } else if (free_bytes < kWarnFreeBytes) {
    f.status = Status::kWarn;
    f.fix = "less than 1 GiB: free space before the database and pictures fill it";
  }
  return f;
}

Finding CheckClock() {
  Finding f{Status::kOk, "clock", "", ""};
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  f.message = std::string("the system clock says ") + text;
  if (now < kEarliestSaneTime) {
    f.status = Status::kFail;
    f.message += ", before 2024: it is not set";
    f.fix = "set the time and keep it set: timedatectl set-ntp true";
  }
  return f;
}

}  // namespace

std::string SqlitePath(const config::Config& config) {
  constexpr std::string_view kSqlite = "sqlite:";
  const std::string& url = config.db.url;
  if (url.compare(0, kSqlite.size(), kSqlite) != 0) return "";
  std::string path = url.substr(kSqlite.size());
  if (path.compare(0, 2, "//") == 0) path.erase(0, 2);  // sqlite://PATH, as OpenStore reads it
  return path;
}

std::string CommandAsOwner(const config::Config& config, const Invocation& invocation,
                           const std::string& command) {
  std::string line = command;
  if (!invocation.config_file.empty()) line += " --config " + invocation.config_file;
  const std::string path = SqlitePath(config);
  struct stat st {};
  if (path.empty() || stat(DirOf(path).c_str(), &st) != 0 || st.st_uid == geteuid()) return line;
  return "sudo -u " + OwnerName(st.st_uid) + " " + line;
}

void CheckFiles(const config::Config& config, std::vector<Finding>& out) {
  out.push_back(CheckClock());
  const std::string db_path = SqlitePath(config);
  std::string data_dir;
  if (db_path.empty()) {
    out.push_back({Status::kOk, "data folder", "not used: the database is not a local file", ""});
  } else {
    data_dir = DirOf(db_path);
    out.push_back(CheckWritableFolder("data folder", data_dir, /*create_later=*/false));
  }
  auto media_dir = MediaDir(config);
  if (!media_dir.ok()) {
    out.push_back({Status::kFail, "media folder", media_dir.error().message,
                   "set media.dir to a folder every node shares"});
  } else {
    out.push_back(CheckWritableFolder("media folder", media_dir.value(), /*create_later=*/true));
    if (data_dir.empty()) data_dir = media_dir.value();
  }
  if (!data_dir.empty()) out.push_back(CheckDisk(data_dir));
}

}  // namespace warta::app::doctor
