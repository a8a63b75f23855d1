var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{},names:{}};SITEGEN_SEARCH.facets["fc9e72c02018"]=[[0],[1],[0,3,1,1],[2,1,1,1],[2,1,1]];
