// sh: the shell.
//
//   line     := pipeline { (';' | '&') pipeline }
//   pipeline := command { '|' command }
//   command  := '(' line ')' { redirect }  |  word { word | redirect }
//   redirect := '<' word | '>' word | '>>' word
//
// A pipeline followed by '&' runs in the background. Words may be
// quoted with "...". 'cd DIR' is built in. With a file argument, the
// shell reads commands from that file instead of standard input.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "user/user.h"

#define LINEMAX   512
#define MAXWORDS  32
#define MAXNODES  64
#define MAXREDIR  8

enum kind { EXEC, PIPE, LIST, BACK, GROUP };

struct redir {
  int fd;            // 0 or 1
  int mode;          // open() flags
  int append;        // >>: start writing at the end
  char *file;
};

struct node {
  enum kind kind;
  char *argv[MAXWORDS + 1];   // EXEC
  struct redir redir[MAXREDIR];
  int nredir;                 // EXEC and GROUP
  struct node *left, *right;  // PIPE, LIST; left alone for BACK, GROUP
};

static struct node nodes[MAXNODES];
static int nnodes;
static char words[LINEMAX * 2];
static int wordsused;
static const char *errmsg;

static void
die(const char *msg)
{
  fprintf(2, "sh: %s\n", msg);
  exit(1);
}

static int
xfork(void)
{
  int pid = fork();
  if(pid < 0)
    die("fork failed");
  return pid;
}

// ------------------------------------------------------------- tokens

enum { T_END, T_WORD, T_PIPE, T_SEMI, T_AMP, T_LPAR, T_RPAR, T_IN, T_OUT, T_APPEND, T_BAD };

static char *cur;      // next input character
static int tok;        // current token
static char *tokword;  // its text, for T_WORD

static int
is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v';
}

static int
is_special(char c)
{
  return c == '|' || c == ';' || c == '&' || c == '(' || c == ')' || c == '<' || c == '>';
}

static void
advance(void)
{
  while(is_space(*cur))
    cur++;
  char c = *cur;
  switch(c){
  case 0:   tok = T_END; return;
  case '|': cur++; tok = T_PIPE; return;
  case ';': cur++; tok = T_SEMI; return;
  case '&': cur++; tok = T_AMP; return;
  case '(': cur++; tok = T_LPAR; return;
  case ')': cur++; tok = T_RPAR; return;
  case '<': cur++; tok = T_IN; return;
  case '>':
    cur++;
    if(*cur == '>'){
      cur++;
      tok = T_APPEND;
    } else {
      tok = T_OUT;
    }
    return;
  }
  // A word: copy it out, removing quotes.
  tokword = &words[wordsused];
  while(*cur && !is_space(*cur) && !is_special(*cur)){
    if(*cur == '"'){
      cur++;
      while(*cur && *cur != '"')
        words[wordsused++] = *cur++;
      if(*cur != '"'){
        tok = T_BAD;
        errmsg = "missing closing quote";
        return;
      }
      cur++;
    } else {
      words[wordsused++] = *cur++;
    }
  }
  words[wordsused++] = 0;
  tok = T_WORD;
}

// ------------------------------------------------------------- parser

static struct node *
new_node(enum kind k)
{
  if(nnodes >= MAXNODES){
    errmsg = "command too complex";
    return 0;
  }
  struct node *n = &nodes[nnodes++];
  memset(n, 0, sizeof(*n));
  n->kind = k;
  return n;
}

static struct node *parse_line(void);

// Parse redirections after a command into n. Returns 0 on error.
static int
parse_redirs(struct node *n)
{
  while(tok == T_IN || tok == T_OUT || tok == T_APPEND){
    int t = tok;
    advance();
    if(tok != T_WORD){
      errmsg = "missing file for redirection";
      return 0;
    }
    if(n->nredir >= MAXREDIR){
      errmsg = "too many redirections";
      return 0;
    }
    struct redir *r = &n->redir[n->nredir++];
    r->file = tokword;
    if(t == T_IN){
      r->fd = 0;
      r->mode = O_RDONLY;
    } else if(t == T_OUT){
      r->fd = 1;
      r->mode = O_WRONLY | O_CREATE | O_TRUNC;
    } else {
      r->fd = 1;
      r->mode = O_RDWR | O_CREATE;
      r->append = 1;
    }
    advance();
  }
  return 1;
}

static struct node *
parse_command(void)
{
  if(tok == T_LPAR){
    advance();
    struct node *g = new_node(GROUP);
    if(g == 0 || (g->left = parse_line()) == 0)
      return 0;
    if(tok != T_RPAR){
      errmsg = "missing )";
      return 0;
    }
    advance();
    return parse_redirs(g) ? g : 0;
  }
  struct node *e = new_node(EXEC);
  if(e == 0)
    return 0;
  int argc = 0;
  for(;;){
    if(tok == T_WORD){
      if(argc >= MAXWORDS){
        errmsg = "too many arguments";
        return 0;
      }
      e->argv[argc++] = tokword;
      advance();
    } else if(tok == T_IN || tok == T_OUT || tok == T_APPEND){
      if(!parse_redirs(e))
        return 0;
    } else {
      break;
    }
  }
  e->argv[argc] = 0;
  if(argc == 0 && e->nredir == 0){
    errmsg = "missing command";
    return 0;
  }
  return e;
}

static struct node *
parse_pipeline(void)
{
  struct node *left = parse_command();
  if(left == 0)
    return 0;
  if(tok == T_PIPE){
    advance();
    struct node *p = new_node(PIPE);
    if(p == 0)
      return 0;
    p->left = left;
    if((p->right = parse_pipeline()) == 0)
      return 0;
    return p;
  }
  return left;
}

// A sequence of pipelines; stops at ')' or the end.
static struct node *
parse_line(void)
{
  struct node *first = parse_pipeline();
  if(first == 0)
    return 0;
  if(tok == T_AMP){
    struct node *b = new_node(BACK);
    if(b == 0)
      return 0;
    b->left = first;
    first = b;
  }
  if(tok == T_SEMI || tok == T_AMP){
    advance();
    if(tok == T_END || tok == T_RPAR)
      return first;
    struct node *l = new_node(LIST);
    if(l == 0)
      return 0;
    l->left = first;
    if((l->right = parse_line()) == 0)
      return 0;
    return l;
  }
  return first;
}

static struct node *
parse(char *line)
{
  nnodes = 0;
  wordsused = 0;
  errmsg = 0;
  cur = line;
  advance();
  if(tok == T_END)
    return 0;
  struct node *n = parse_line();
  if(n && tok != T_END){
    errmsg = tok == T_BAD ? errmsg : "syntax error";
    n = 0;
  }
  if(n == 0 && errmsg == 0)
    errmsg = "syntax error";
  return n;
}

// ------------------------------------------------------------ running

static void
apply_redirs(struct node *n)
{
  for(int i = 0; i < n->nredir; i++){
    struct redir *r = &n->redir[i];
    close(r->fd);
    if(open(r->file, r->mode) != r->fd){
      fprintf(2, "sh: cannot open %s\n", r->file);
      exit(1);
    }
    if(r->append){
      // There is no lseek: reading to the end moves the offset there.
      char tmp[512];
      while(read(r->fd, tmp, sizeof(tmp)) > 0)
        ;
    }
  }
}

// Run n in this (child) process; never returns.
static void run(struct node *n) __attribute__((noreturn));

static void
run(struct node *n)
{
  int p[2];
again:
  switch(n->kind){
  case EXEC:
    apply_redirs(n);
    if(n->argv[0] == 0)
      exit(0);
    exec(n->argv[0], n->argv);
    if(n->argv[0][0] != '/'){
      // Not found here: try the root directory, where programs live.
      char path[LINEMAX + 2];
      path[0] = '/';
      strcpy(path + 1, n->argv[0]);
      exec(path, n->argv);
    }
    fprintf(2, "exec %s failed\n", n->argv[0]);
    exit(1);
  case PIPE:
    if(pipe(p) < 0)
      die("pipe failed");
    if(xfork() == 0){
      close(1);
      dup(p[1]);
      close(p[0]);
      close(p[1]);
      run(n->left);
    }
    if(xfork() == 0){
      close(0);
      dup(p[0]);
      close(p[0]);
      close(p[1]);
      run(n->right);
    }
    close(p[0]);
    close(p[1]);
    wait(0);
    wait(0);
    exit(0);
  case LIST:
    if(xfork() == 0)
      run(n->left);
    wait(0);
    n = n->right;
    goto again;
  case BACK:
    if(xfork() == 0)
      run(n->left);
    exit(0);
  case GROUP:
    apply_redirs(n);
    n = n->left;
    goto again;
  }
  exit(0);
}

int
main(int argc, char *argv[])
{
  static char line[LINEMAX];
  int fd;

  // Make sure fds 0, 1 and 2 are open.
  while((fd = open("console", O_RDWR)) >= 0){
    if(fd >= 3){
      close(fd);
      break;
    }
  }

  int in = 0;
  if(argc > 1){
    if((in = open(argv[1], O_RDONLY)) < 0){
      fprintf(2, "sh: cannot open %s\n", argv[1]);
      exit(1);
    }
  }

  for(;;){
    // End of input: a read of an empty line that hit end of file.
    if(in == 0)
      write(2, "$ ", 2);
    int n = 0, got_eof = 0;
    while(n + 1 < LINEMAX){
      char c;
      if(read(in, &c, 1) != 1){
        got_eof = 1;
        break;
      }
      if(c == '\n')
        break;
      line[n++] = c;
    }
    line[n] = 0;
    if(got_eof && n == 0)
      break;

    // Built-in: cd DIR.
    char *s = line;
    while(is_space(*s))
      s++;
    if(s[0] == 'c' && s[1] == 'd' && (s[2] == 0 || is_space(s[2]))){
      char *d = s + 2;
      while(is_space(*d))
        d++;
      char *e = d;
      while(*e && !is_space(*e))
        e++;
      *e = 0;
      if(*d == 0)
        d = "/";
      if(chdir(d) < 0)
        fprintf(2, "cannot cd %s\n", d);
      continue;
    }

    struct node *cmd = parse(line);
    if(cmd == 0){
      if(errmsg)
        fprintf(2, "sh: %s\n", errmsg);
      continue;
    }
    if(xfork() == 0)
      run(cmd);
    wait(0);
    if(got_eof)
      break;
  }
  exit(0);
}
